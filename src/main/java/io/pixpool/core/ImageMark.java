package io.pixpool.core;

import java.util.Objects;

/**
 * An image watermark (typically a PNG logo with transparency), read by whoever renders ({@link MarkImages}).
 *
 * @param file          absolute path of the watermark image (a string: recipes travel between processes)
 * @param scalePercent  the mark's width in percent of the output width, 1..100 (its height follows)
 * @param opacity       0..1, multiplied with the image's own alpha
 * @param anchor        where on the image
 * @param marginPercent distance from the image edges in percent of the shorter side, 0..25
 */
public record ImageMark(String file, double scalePercent, double opacity, Anchor anchor, double marginPercent) {

    public ImageMark {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) throw new IllegalArgumentException("watermark image path is empty");
        if (!(scalePercent >= 1 && scalePercent <= 100)) {
            throw new IllegalArgumentException("watermark scale must be 1..100 percent of the output width, was "
                    + scalePercent);
        }
        Decoration.checkOpacity(opacity);
        Objects.requireNonNull(anchor, "anchor");
        Decoration.checkMargin(marginPercent);
    }

    /** 20% of the output width, 70% opaque, bottom right with a 2% margin. */
    public static ImageMark of(String file) {
        return new ImageMark(file, 20, 0.7, Anchor.BOTTOM_RIGHT, 2);
    }

    public ImageMark withScale(double s) { return new ImageMark(file, s, opacity, anchor, marginPercent); }
    public ImageMark withOpacity(double o) { return new ImageMark(file, scalePercent, o, anchor, marginPercent); }
    public ImageMark withAnchor(Anchor a) { return new ImageMark(file, scalePercent, opacity, a, marginPercent); }
    public ImageMark withMargin(double m) { return new ImageMark(file, scalePercent, opacity, anchor, m); }
}
