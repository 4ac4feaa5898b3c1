package io.pixpool.core;

import java.util.Objects;

/**
 * A text watermark. Sizes are relative to the output, so the mark looks the same on every image of a batch.
 *
 * @param text        the text (one line)
 * @param font        a font family name ({@code SansSerif}, {@code Serif}, {@code Monospaced}, or an installed family)
 * @param sizePercent the text height (font size) in percent of the output's shorter side, 0.5..50
 * @param color       0xRRGGBB
 * @param opacity     0..1 (0 invisible, 1 opaque)
 * @param anchor      where on the image
 * @param marginPercent distance of the text from the image edges in percent of the shorter side, 0..25
 */
public record TextMark(String text, String font, double sizePercent, int color, double opacity, Anchor anchor,
                       double marginPercent) {

    public static final String DEFAULT_FONT = "SansSerif";
    public static final double MIN_SIZE = 0.5;
    public static final double MAX_SIZE = 50;
    public static final double MAX_MARGIN = 25;

    public TextMark {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("watermark text is empty");
        if (text.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("watermark text must be one line");
        }
        Objects.requireNonNull(font, "font");
        if (font.isBlank()) throw new IllegalArgumentException("font name is empty");
        if (!(sizePercent >= MIN_SIZE && sizePercent <= MAX_SIZE)) {
            throw new IllegalArgumentException("text size must be " + MIN_SIZE + ".." + MAX_SIZE
                    + " percent of the shorter side, was " + sizePercent);
        }
        color &= 0xFFFFFF;
        Decoration.checkOpacity(opacity);
        Objects.requireNonNull(anchor, "anchor");
        Decoration.checkMargin(marginPercent);
    }

    /** White, half opaque, 4% of the shorter side, bottom right with a 2% margin. */
    public static TextMark of(String text) {
        return new TextMark(text, DEFAULT_FONT, 4, 0xFFFFFF, 0.5, Anchor.BOTTOM_RIGHT, 2);
    }

    public TextMark withFont(String f) { return new TextMark(text, f, sizePercent, color, opacity, anchor, marginPercent); }
    public TextMark withSize(double s) { return new TextMark(text, font, s, color, opacity, anchor, marginPercent); }
    public TextMark withColor(int c) { return new TextMark(text, font, sizePercent, c, opacity, anchor, marginPercent); }
    public TextMark withOpacity(double o) { return new TextMark(text, font, sizePercent, color, o, anchor, marginPercent); }
    public TextMark withAnchor(Anchor a) { return new TextMark(text, font, sizePercent, color, opacity, a, marginPercent); }
    public TextMark withMargin(double m) { return new TextMark(text, font, sizePercent, color, opacity, anchor, m); }
}
