package io.pixpool.ui;

import io.pixpool.core.Anchor;
import io.pixpool.core.Border;
import io.pixpool.core.Decoration;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImageMark;
import io.pixpool.core.MarkImages;
import io.pixpool.core.Padding;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.TextMark;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The watermark, padding and border part of the settings panel, as the user left it. Each part has an on/off switch
 * and keeps its values while off. Numbers come from spinners and are always in range; the text and the image path
 * are free text, checked by {@link #problem}.
 *
 * @param textSize    percent of the output's shorter side
 * @param textOpacity 0..100 percent
 * @param textMargin  percent of the shorter side
 * @param imageScale  percent of the output width
 */
public record LookSettings(boolean textOn, String text, String font, int textSize, int textColor, int textOpacity,
                           Anchor textAnchor, int textMargin,
                           boolean imageOn, String imageFile, int imageScale, int imageOpacity, Anchor imageAnchor,
                           int imageMargin,
                           boolean padOn, int padColor, boolean borderOn, int borderWidth, int borderColor) {

    public static final int MAX_TEXT_SIZE = 50;
    public static final int MAX_MARGIN = 25;

    public LookSettings {
        text = Objects.requireNonNullElse(text, "");
        font = Objects.requireNonNullElse(font, TextMark.DEFAULT_FONT);
        if (font.isBlank()) font = TextMark.DEFAULT_FONT;
        textSize = clamp(textSize, 1, MAX_TEXT_SIZE);
        textColor &= 0xFFFFFF;
        textOpacity = clamp(textOpacity, 0, 100);
        textAnchor = Objects.requireNonNullElse(textAnchor, Anchor.BOTTOM_RIGHT);
        textMargin = clamp(textMargin, 0, MAX_MARGIN);
        imageFile = Objects.requireNonNullElse(imageFile, "");
        imageScale = clamp(imageScale, 1, 100);
        imageOpacity = clamp(imageOpacity, 0, 100);
        imageAnchor = Objects.requireNonNullElse(imageAnchor, Anchor.BOTTOM_RIGHT);
        imageMargin = clamp(imageMargin, 0, MAX_MARGIN);
        padColor &= 0xFFFFFF;
        borderWidth = clamp(borderWidth, 1, Border.MAX_WIDTH);
        borderColor &= 0xFFFFFF;
    }

    /** Everything off; the values are the engine's defaults (white text at 50%, logo 20% wide at 70%). */
    public static LookSettings defaults() {
        return new LookSettings(false, "\u00A9 ", TextMark.DEFAULT_FONT, 4, 0xFFFFFF, 50, Anchor.BOTTOM_RIGHT, 2,
                false, "", 20, 70, Anchor.BOTTOM_RIGHT, 2, false, 0xFFFFFF, false, 10, 0x000000);
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    public static String textProblem(String text) {
        return text.isBlank() ? "Watermark: type the text to draw" : null;
    }

    /** Null when the watermark image can be used; it is read (header only) to make sure it is an image. */
    public static String imageProblem(String file) {
        if (file.isBlank()) return "Watermark image: choose a picture file";
        try {
            if (!Path.of(file.trim()).isAbsolute()) return "Watermark image: give a full path, e.g. /home/me/logo.png";
        } catch (InvalidPathException e) {
            return "Watermark image: not a valid path (" + e.getReason() + ")";
        }
        try {
            MarkImages.check(file.trim());
            return null;
        } catch (ImageException e) {
            return "W" + e.getMessage().substring(1);
        }
    }

    /** Pad uses the size section's box: FIT, EXACT and FILL give W x H, long edge N gives N x N. */
    public static String padProblem(ResizeMode mode) {
        return mode.needsWidth() && mode.needsHeight() || mode == ResizeMode.LONG_EDGE ? null
                : "Pad: choose a resize with a box (fit inside, fill, exact or long edge)";
    }

    /** The first problem of the parts that are on, or null. */
    public String problem(ResizeMode mode) {
        String p = textOn ? textProblem(text) : null;
        if (p == null && imageOn) p = imageProblem(imageFile);
        if (p == null && padOn) p = padProblem(mode);
        return p;
    }

    /** The decoration for a valid resize; call only when {@link #problem} is null. */
    public Decoration decoration(ResizeSpec resize) {
        Decoration d = Decoration.none();
        if (textOn) {
            d = d.withText(new TextMark(text, font, textSize, textColor, textOpacity / 100.0, textAnchor, textMargin));
        }
        if (imageOn) {
            d = d.withImage(new ImageMark(imageFile.trim(), imageScale, imageOpacity / 100.0, imageAnchor, imageMargin));
        }
        if (padOn) {
            int w = resize.width();
            int h = resize.mode() == ResizeMode.LONG_EDGE ? resize.width() : resize.height();
            d = d.withPad(new Padding(w, h, padColor));
        }
        if (borderOn) d = d.withBorder(new Border(borderWidth, borderColor));
        return d;
    }

    /**
     * These settings with the parts of {@code d} switched on or off as {@code d} has them (a shipped preset);
     * values of parts that are off are kept.
     */
    public LookSettings following(Decoration d) {
        TextMark t = d.text();
        ImageMark i = d.image();
        Padding p = d.pad();
        Border b = d.border();
        return new LookSettings(t != null, t != null ? t.text() : text, t != null ? t.font() : font,
                t != null ? (int) Math.round(t.sizePercent()) : textSize, t != null ? t.color() : textColor,
                t != null ? (int) Math.round(t.opacity() * 100) : textOpacity, t != null ? t.anchor() : textAnchor,
                t != null ? (int) Math.round(t.marginPercent()) : textMargin,
                i != null, i != null ? i.file() : imageFile, i != null ? (int) Math.round(i.scalePercent()) : imageScale,
                i != null ? (int) Math.round(i.opacity() * 100) : imageOpacity, i != null ? i.anchor() : imageAnchor,
                i != null ? (int) Math.round(i.marginPercent()) : imageMargin,
                p != null, p != null ? p.color() : padColor,
                b != null, b != null ? b.width() : borderWidth, b != null ? b.color() : borderColor);
    }
}
