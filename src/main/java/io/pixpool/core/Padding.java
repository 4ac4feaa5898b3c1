package io.pixpool.core;

import java.io.Serializable;

/**
 * Letterboxing: the image is centred on a canvas of exactly {@code width x height} filled with {@code color}
 * (BIMP's "Pad"). An image larger than the box is first shrunk to fit inside it, keeping its aspect ratio.
 *
 * @param color 0xRRGGBB
 */
public record Padding(int width, int height, int color) implements Serializable {

    public Padding {
        if (width < 1 || width > ResizeSpec.MAX_SIDE || height < 1 || height > ResizeSpec.MAX_SIDE) {
            throw new IllegalArgumentException("pad size must be 1.." + ResizeSpec.MAX_SIDE + " on each side, was "
                    + width + "x" + height);
        }
        color &= 0xFFFFFF;
    }

    /** This box, or when it is larger than {@code boxW x boxH} the largest box of the same shape inside that. */
    public Padding within(int boxW, int boxH) {
        if (width <= boxW && height <= boxH) return this;
        double f = Math.min((double) boxW / width, (double) boxH / height);
        return new Padding(Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f)), color);
    }
}
