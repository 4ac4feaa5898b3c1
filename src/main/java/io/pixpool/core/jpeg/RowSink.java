package io.pixpool.core.jpeg;

/**
 * Takes a decode's output rows one at a time, in order, instead of a whole image (the resize consumes them while
 * they are in the cache): each pixel packed as {@code R << 42 | G << 21 | B}, 21 bits per channel, the layout of
 * the resampler's fast path.
 */
public interface RowSink {

    /** Bits from one channel to the next in a packed pixel. */
    int FIELD = 21;

    /** The array, at least as long as the decode is wide, that output row {@code y} is to be written into. */
    long[] row(int y);

    /** Output row {@code y} has been written. */
    void rowDone(int y);
}
