package io.pixpool.core;


/**
 * Letterboxing: the image is centred on a canvas of exactly {@code width x height} filled with {@code color}
 * (BIMP's "Pad"). An image larger than the box is first shrunk to fit inside it, keeping its aspect ratio.
 *
 * @param color 0xRRGGBB
 */
public record Padding(int width, int height, int color) {

    public Padding {
        if (width < 1 || width > ResizeSpec.MAX_SIDE || height < 1 || height > ResizeSpec.MAX_SIDE) {
            throw new IllegalArgumentException("pad size must be 1.." + ResizeSpec.MAX_SIDE + " on each side, was "
                    + width + "x" + height);
        }
        color &= 0xFFFFFF;
    }

    /**
     * This box's shape scaled (up or down) to the largest that fits {@code boxW x boxH}; a side of
     * {@code Integer.MAX_VALUE} does not limit. This box itself when neither side limits.
     */
    public Padding scaledToFit(int boxW, int boxH) {
        double f = Math.min(boxW == Integer.MAX_VALUE ? Double.MAX_VALUE : (double) boxW / width,
                boxH == Integer.MAX_VALUE ? Double.MAX_VALUE : (double) boxH / height);
        if (f == Double.MAX_VALUE || f == 1) return this;
        return new Padding(Math.max(1, Math.min(ResizeSpec.MAX_SIDE, (int) Math.round(width * f))),
                Math.max(1, Math.min(ResizeSpec.MAX_SIDE, (int) Math.round(height * f))), color);
    }
}
