package io.pixpool.core.jpeg;

/** One colour component of the frame: its sampling, its blocks (coefficients or samples) and its decode state. */
final class Component {

    final int id;
    final int h;
    final int v;
    final int tq;
    /** Upsampling ratio to the full image (max sampling / own sampling); after scaling, to the output. */
    int hr;
    int vr;
    /** Zig-zag positions whose values the IDCT at this component's scale reads (bit k: position k). */
    long used = -1L;
    /** The natural-order indices of the {@link #used} positions. */
    int[] usedNatural;
    /** Blocks stored per line / column (whole MCUs in interleaved frames). */
    int bw;
    int bh;
    /** Blocks that hold image samples (a non-interleaved scan covers exactly these). */
    int bwReal;
    int bhReal;
    /** Valid samples at the output scale. */
    int cw;
    int ch;
    /** Quantisation table in natural order, latched at the component's first scan. */
    int[] quant;
    /** Progressive only: every block's coefficients, natural order, not dequantised. */
    short[] coef;
    /** Progressive only: per block, bit k set when the AC coefficient at zig-zag index k is non-zero. */
    long[] nonZero;
    /**
     * Decoded samples at the output scale, bw * blockSize wide: a ring of three MCU rows (the one being converted
     * and its neighbours, which the triangle upsampling reads), not the whole picture.
     */
    byte[] plane;
    int stride;
    int ringRows;
    /**
     * Output samples per block across and down (1..8, the IDCT's size): subsampled chroma is reduced less,
     * needing less upsampling.
     */
    int bsx;
    int bsy;
    /** Block row whose plane offset {@link #blockRowOffset} holds (-1: none yet). */
    private int cachedBlockRow = -1;
    private int cachedOffset;
    int dcPred;
    HuffmanTable dc;
    HuffmanTable ac;

    Component(int id, int h, int v, int tq) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.tq = tq;
    }

    /** Offset in {@link #plane} of the first sample row of block row {@code by} (cached: blocks come row by row). */
    int blockRowOffset(int by) {
        if (by != cachedBlockRow) {
            cachedBlockRow = by;
            cachedOffset = rowOffset(by * bsy);
        }
        return cachedOffset;
    }

    /** Offset in {@link #plane} of sample row {@code row}. */
    int rowOffset(int row) {
        return (row % ringRows) * stride;
    }
}
