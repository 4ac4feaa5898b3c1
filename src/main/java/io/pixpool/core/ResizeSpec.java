package io.pixpool.core;

import java.util.Objects;

/**
 * The requested output size. Which fields count depends on the mode: {@code width} is also the long-edge
 * length for {@link ResizeMode#LONG_EDGE}, {@code percent} only counts for {@link ResizeMode#PERCENT}.
 * Unused fields are 0. Never enlarges unless {@code upscale} is set.
 */
public record ResizeSpec(ResizeMode mode, int width, int height, double percent, boolean upscale) {

    public static final int MAX_SIDE = 65_535;

    public ResizeSpec {
        Objects.requireNonNull(mode, "mode");
        if (mode.needsWidth() && (width < 1 || width > MAX_SIDE)) {
            throw new IllegalArgumentException("width must be 1.." + MAX_SIDE + " for " + mode.label() + ", was " + width);
        }
        if (mode.needsHeight() && (height < 1 || height > MAX_SIDE)) {
            throw new IllegalArgumentException("height must be 1.." + MAX_SIDE + " for " + mode.label() + ", was " + height);
        }
        if (mode == ResizeMode.PERCENT && !(percent > 0 && percent <= 10_000)) {
            throw new IllegalArgumentException("percent must be > 0 and <= 10000, was " + percent);
        }
        if (!mode.needsWidth()) width = 0;
        if (!mode.needsHeight()) height = 0;
        if (mode != ResizeMode.PERCENT) percent = 0;
    }

    public static ResizeSpec none() { return new ResizeSpec(ResizeMode.NONE, 0, 0, 0, false); }
    public static ResizeSpec fit(int w, int h) { return new ResizeSpec(ResizeMode.FIT, w, h, 0, false); }
    public static ResizeSpec exact(int w, int h) { return new ResizeSpec(ResizeMode.EXACT, w, h, 0, false); }
    public static ResizeSpec fill(int w, int h) { return new ResizeSpec(ResizeMode.FILL, w, h, 0, false); }
    public static ResizeSpec width(int w) { return new ResizeSpec(ResizeMode.WIDTH, w, 0, 0, false); }
    public static ResizeSpec height(int h) { return new ResizeSpec(ResizeMode.HEIGHT, 0, h, 0, false); }
    public static ResizeSpec percent(double pct) { return new ResizeSpec(ResizeMode.PERCENT, 0, 0, pct, false); }
    public static ResizeSpec longEdge(int n) { return new ResizeSpec(ResizeMode.LONG_EDGE, n, 0, 0, false); }

    public ResizeSpec withUpscale(boolean up) {
        return new ResizeSpec(mode, width, height, percent, up);
    }
}
