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
    /** The natural-order indexes of the {@link #used} positions. */
    int[] reads;
    /**
     * Baseline decodes: the block being decoded, dequantised, in natural order. Its {@link #reads} positions are
     * zero between blocks (the IDCT leaves what it read zero; a block copied out for later is cleared); at a reduced
     * size the others may hold what earlier blocks left, as nothing reads them.
     */
    final int[] block = new int[64];
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
    /**
     * Buffered decodes only (progressive, multi-scan baseline): every block's coefficients, not dequantised, in
     * {@link #coefStride} shorts a block: all 64 in natural order at full size; at a reduced size only the
     * {@link #used} ones (in zig-zag order) and a last slot where the unused ones are dropped. A scaled IDCT reads a
     * handful of coefficients, and every scan of a progressive file sweeps the whole buffer: at 1/2 (16 used) a
     * block takes 34 bytes instead of 128, so a scan touches a quarter of the memory.
     */
    short[] coef;
    int coefStride = 64;
    /** Where the coefficient at each zig-zag position (with slack for corrupt run lengths) is kept in a block. */
    int[] slot;
    /** The natural-order index of each kept coefficient of a block (slot i holds stored[i]), the trash slot excepted. */
    int[] stored;
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
