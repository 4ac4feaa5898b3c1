package io.pixpool.core;


/**
 * What is added to the image after resizing, orienting, cropping and filtering, in this order: padding to a box,
 * then the watermarks (image first, text on top; sizes relative to the padded image), then the border around it
 * all. Each part is null when off. {@link #none()} changes nothing.
 */
public record Decoration(Padding pad, ImageMark image, TextMark text, Border border) {

    private static final Decoration NONE = new Decoration(null, null, null, null);

    public static Decoration none() {
        return NONE;
    }

    public boolean isNone() {
        return pad == null && image == null && text == null && border == null;
    }

    public Decoration withPad(Padding p) { return new Decoration(p, image, text, border); }
    public Decoration withImage(ImageMark i) { return new Decoration(pad, i, text, border); }
    public Decoration withText(TextMark t) { return new Decoration(pad, image, t, border); }
    public Decoration withBorder(Border b) { return new Decoration(pad, image, text, b); }

    /** The output width for an image {@code w} wide after filters. */
    public int width(int w) {
        return (pad == null ? w : pad.width()) + (border == null ? 0 : 2 * border.width());
    }

    /** The output height for an image {@code h} high after filters. */
    public int height(int h) {
        return (pad == null ? h : pad.height()) + (border == null ? 0 : 2 * border.width());
    }

    /** The final size for a target size (what the name tokens {w} {h} and the results report). */
    TargetSize around(TargetSize t) {
        if (isNone()) return t;
        return new TargetSize(width(t.width()), height(t.height()), width(t.width()), height(t.height()));
    }

    static void checkOpacity(double o) {
        if (!(o >= 0 && o <= 1)) throw new IllegalArgumentException("opacity must be 0..1 (0..100%), was " + o);
    }

    static void checkMargin(double m) {
        if (!(m >= 0 && m <= TextMark.MAX_MARGIN)) {
            throw new IllegalArgumentException("margin must be 0.." + (int) TextMark.MAX_MARGIN
                    + " percent of the shorter side, was " + m);
        }
    }
}
