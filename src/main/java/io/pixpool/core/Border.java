package io.pixpool.core;


/**
 * A plain frame of {@code width} pixels in {@code color} around the output (which grows by twice the width).
 *
 * @param color 0xRRGGBB
 */
public record Border(int width, int color) {

    public static final int MAX_WIDTH = 2000;

    public Border {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("border width must be 1.." + MAX_WIDTH + " pixels, was " + width);
        }
        color &= 0xFFFFFF;
    }
}
