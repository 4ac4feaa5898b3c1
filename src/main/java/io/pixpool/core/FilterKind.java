package io.pixpool.core;

import java.util.Locale;

/**
 * The filters a recipe can apply, with the range and default of their one numeric parameter.
 * Kinds without a parameter ignore it.
 */
public enum FilterKind {
    GRAYSCALE("grayscale", false, 0, 0, 0),
    SEPIA("sepia", false, 0, 0, 0),
    /** Brightness change in percent, -100..100. */
    BRIGHTNESS("brightness", true, -100, 100, 20),
    /** Contrast change in percent, -100..100 (0 = unchanged). */
    CONTRAST("contrast", true, -100, 100, 20),
    /** Unsharp strength 0.1..5 (1 = imgscalr's standard sharpen kernel strength). */
    SHARPEN("sharpen", true, 0.1, 5, 1),
    /** Blur radius in pixels, 1..50. */
    BLUR("blur", true, 1, 50, 2),
    /** Clockwise rotation: 90, 180 or 270 degrees. */
    ROTATE("rotate", true, 90, 270, 90),
    FLIP_H("fliph", false, 0, 0, 0),
    FLIP_V("flipv", false, 0, 0, 0);

    private final String id;
    private final boolean hasValue;
    private final double min;
    private final double max;
    private final double defaultValue;

    FilterKind(String id, boolean hasValue, double min, double max, double defaultValue) {
        this.id = id;
        this.hasValue = hasValue;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
    }

    /** The name used on the command line and in presets, e.g. {@code brightness}. */
    public String id() { return id; }
    public boolean hasValue() { return hasValue; }
    public double min() { return min; }
    public double max() { return max; }
    public double defaultValue() { return defaultValue; }

    public static FilterKind fromId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (FilterKind f : values()) {
            if (f.id.equals(k)) return f;
        }
        switch (k) {
            case "greyscale": case "gray": case "grey": return GRAYSCALE;
            case "fliphorizontal": case "mirror": return FLIP_H;
            case "flipvertical": return FLIP_V;
            default: break;
        }
        throw new IllegalArgumentException("unknown filter '" + id + "' (known: grayscale, sepia, brightness=PCT, "
                + "contrast=PCT, sharpen[=STRENGTH], blur[=RADIUS], rotate=90|180|270, fliph, flipv)");
    }
}
