package io.pixpool.core.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Huffman-coded entropy data of one scan: a 64-bit bit buffer filled bytewise (0xFF00 unstuffed; at a marker or
 * the end of the data it is padded with zero bytes, which are counted so running out of real data is noticed),
 * and the block decoders for baseline and progressive scans (libjpeg's jdhuff.c / jdphuff.c logic).
 */
final class EntropyDecoder {

    /** Natural-order index of each zig-zag position (with slack for corrupt run lengths). */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63
    };

    /** De Bruijn sequence for {@link #lowestBit}: each 6-bit window of it is distinct. */
    private static final long DE_BRUIJN = 0x03F79D71B4CA8B09L;
    private static final byte[] DE_BRUIJN_INDEX = new byte[64];

    static {
        for (int i = 0; i < 64; i++) DE_BRUIJN_INDEX[(int) ((DE_BRUIJN << i) >>> 58)] = (byte) i;
    }

    /**
     * The index of the lowest set bit of {@code t} (not 0): Long.numberOfTrailingZeros, which the workers' C1 JIT
     * does not turn into one instruction (measured: a call costing 5% of a progressive decode).
     */
    static int lowestBit(long t) {
        return DE_BRUIJN_INDEX[(int) (((t & -t) * DE_BRUIJN) >>> 58)];
    }

    /**
     * Eight bytes at once in the machine's order; {@link #fill} puts them in stream order itself (a big-endian view
     * on a little-endian machine calls Long.reverseBytes, which the workers' C1 JIT does not inline: 0.8% of a
     * decode).
     */
    private static final VarHandle NATIVE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final byte[] data;
    private final int end;
    private int pos;
    private long buf;
    private int bits;
    /** Zero bytes appended to the buffer after a marker or the end of data. */
    private int padding;
    private int eobrun;

    EntropyDecoder(byte[] data, int end) {
        this.data = data;
        this.end = end;
    }

    /** Starts reading entropy data at {@code p}. */
    void start(int p) {
        pos = p;
        buf = 0;
        bits = 0;
        padding = 0;
        eobrun = 0;
    }

    /** Where reading stopped: at the next marker, or inside padding bits before it. */
    int position() {
        return pos;
    }

    /** Fails when the decoder has used bits beyond the real data (a truncated or corrupt scan). */
    void checkNotOverrun() throws JpegException {
        if (bits < padding * 8) {
            throw new JpegException(pos >= end ? "premature end of data" : "corrupt data: premature marker");
        }
    }

    /** At a restart interval: drops the leftover bits and reads the RSTn marker. */
    void restart() throws JpegException {
        checkNotOverrun();
        int p = nextMarker(data, pos, end);
        if (p < 0) throw new JpegException("premature end of data");
        int m = data[p + 1] & 0xFF;
        if (m < 0xD0 || m > 0xD7) throw new JpegException("corrupt data: missing restart marker");
        start(p + 2);
    }

    /** Position of the next marker (0xFF then neither 0x00 nor 0xFF) from {@code p}, or -1 at the end. */
    static int nextMarker(byte[] data, int p, int end) {
        while (p + 1 < end) {
            if (data[p] == (byte) 0xFF) {
                int n = data[p + 1] & 0xFF;
                if (n != 0 && n != 0xFF) return p;
            }
            p++;
        }
        return -1;
    }

    private void fill() {
        if (padding == 0 && pos + 8 <= end) {
            // fast path: the next 8 bytes hold no 0xFF (no stuffing, no marker): take as many as fit at once
            long w = (long) NATIVE_LONG.get(data, pos);
            long x = ~w;
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) == 0) {
                if (LITTLE_ENDIAN) {
                    w = (w & 0x00FF00FF00FF00FFL) << 8 | (w >>> 8) & 0x00FF00FF00FF00FFL;
                    w = (w & 0x0000FFFF0000FFFFL) << 16 | (w >>> 16) & 0x0000FFFF0000FFFFL;
                    w = w << 32 | w >>> 32;
                }
                int n = (63 - bits) >> 3;
                buf = buf << (n << 3) | w >>> (64 - (n << 3));
                bits += n << 3;
                pos += n;
                return;
            }
        }
        while (bits <= 56) {
            int b;
            if (padding == 0 && pos < end) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    if (pos + 1 < end && data[pos + 1] == 0) {
                        pos += 2;
                    } else {
                        b = 0;
                        padding++;
                    }
                } else {
                    pos++;
                }
            } else {
                b = 0;
                padding++;
            }
            buf = buf << 8 | b;
            bits += 8;
        }
    }

    private int decode(HuffmanTable t) throws JpegException {
        if (bits < 16) fill();
        int e = t.lookup[(int) (buf >>> (bits - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
        if (e != 0) {
            bits -= e >> 8;
            return e & 0xFF;
        }
        return decodeSlow(t);
    }

    private int decodeSlow(HuffmanTable t) throws JpegException {
        for (int len = HuffmanTable.LOOKUP_BITS + 1; len <= 16; len++) {
            int code = (int) (buf >>> (bits - len)) & ((1 << len) - 1);
            if (code <= t.maxCode[len]) {
                bits -= len;
                return t.symbols[t.valOffset[len] + code];
            }
        }
        throw new JpegException("corrupt data: bad Huffman code");
    }

    private int getBits(int n) {
        if (bits < n) fill();
        bits -= n;
        return (int) (buf >>> bits) & ((1 << n) - 1);
    }


    /**
     * Reads {@code s} bits and sign-extends them as JPEG magnitude categories do: a value below 2^(s-1) is negative,
     * v - 2^s + 1. Written without a branch here and in the block decoders (libjpeg-turbo's HUFF_EXTEND): the sign of
     * a coefficient is a coin toss, so a branch on it mispredicts half the time.
     */
    private int receiveExtend(int s) {
        if (bits < s) fill();
        bits -= s;
        int v = (int) (buf >>> bits) & ((1 << s) - 1);
        return v + (((v - (1 << (s - 1))) >> 31) & ((-1 << s) + 1));
    }

    /**
     * Baseline block: coefficients times {@code q} into {@code blk} (natural order, all zero on entry). Returns
     * the zig-zag index of the last coefficient stored (0: only the DC term), so the caller can clear just those
     * and take the flat-block shortcut. The bit buffer is kept in locals, refilled to at least 32 bits (a code
     * and its value) before the DC term and before each AC code the fast table does not decode whole, which needs
     * at most {@link HuffmanTable#LOOKUP_BITS}.
     */
    int baselineBlock(Component c, int[] blk, int[] q) throws JpegException {
        long b = buf;
        int n = bits;
        if (n < 32) {
            bits = n;
            fill();
            b = buf;
            n = bits;
        }
        HuffmanTable dc = c.dc;
        int e = dc.lookup[(int) (b >>> (n - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
        int s;
        if (e != 0) {
            n -= e >> 8;
            s = e & 0xFF;
        } else {
            bits = n;
            s = decodeSlow(dc);
            n = bits;
        }
        if (s != 0) {
            if (s > 16) throw new JpegException("corrupt data: bad DC difference");
            n -= s;
            int v = (int) (b >>> n) & ((1 << s) - 1);
            c.dcPred += v + (((v - (1 << (s - 1))) >> 31) & ((-1 << s) + 1));
        }
        blk[0] = c.dcPred * q[0];
        HuffmanTable ac = c.ac;
        int[] fast = ac.fastAc;
        int[] lookup = ac.lookup;
        int last = 0;
        for (int k = 1; k < 64; ) {
            // a whole coefficient from the fast table takes at most LOOKUP_BITS bits; the other paths up to 31
            if (n < HuffmanTable.LOOKUP_BITS) {
                bits = n;
                fill();
                b = buf;
                n = bits;
            }
            int p = (int) (b >>> (n - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1);
            int f = fast[p];
            if (f != 0) {
                n -= f & 15;
                k += (f >> 4) & 15;
                int z = ZIGZAG[k];
                blk[z] = (f >> 8) * q[z];
                last = k++;
                continue;
            }
            if (n < 32) {
                bits = n;
                fill();
                b = buf;
                n = bits;
                p = (int) (b >>> (n - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1);
            }
            e = lookup[p];
            int rs;
            if (e != 0) {
                n -= e >> 8;
                rs = e & 0xFF;
            } else {
                bits = n;
                rs = decodeSlow(ac);
                n = bits;
            }
            s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r != 15) break;
                k += 16;
                continue;
            }
            k += r;
            n -= s;
            int v = (int) (b >>> n) & ((1 << s) - 1);
            int z = ZIGZAG[k];
            blk[z] = (v + (((v - (1 << (s - 1))) >> 31) & ((-1 << s) + 1))) * q[z];
            last = k++;
        }
        buf = b;
        bits = n;
        return last > 63 ? 63 : last;
    }



    /** Progressive AC scan, first pass, over zig-zag positions ss..se, of block number {@code block}. */
    void acFirst(Component c, short[] coef, int block, int ss, int se, int al) throws JpegException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        HuffmanTable ac = c.ac;
        int off = block * c.coefStride;
        for (int k = ss; k <= se; ) {
            int rs = decode(ac);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r < 15) {
                    eobrun = (1 << r) - 1;
                    if (r > 0) eobrun += getBits(r);
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) throw new JpegException("corrupt data: coefficient index out of range");
            coef[off + c.slot[k]] = (short) (receiveExtend(s) * (1 << al));
            c.nonZero[block] |= 1L << k;
            k++;
        }
    }


    /*
     * Whole progressive scans, the loop over blocks here: the per-block call and the bit buffer's trips through
     * fields cost as much as the decoding in most scans (under the workers' C1 JIT a call is not inlined;
     * measured: a DC refinement scan, one bit per block, took 28 ns a block), and in an end-of-band run of a first
     * AC scan whole stretches of blocks are skipped at once. {@code ri}: the restart interval in blocks (one
     * component) or MCUs (interleaved DC scans), 0 for none; at each restart the bit buffer, end-of-band run and
     * DC predictions start afresh.
     */

    /** Whether a restart marker comes before unit {@code count} (0-based) of a scan with restart interval ri. */
    private static boolean restartBefore(int count, int ri) {
        return ri > 0 && count > 0 && count % ri == 0;
    }

    /** A first AC scan of one component over {@code rows x cols} blocks ({@code bw} blocks per buffer row). */
    void acFirstScan(Component c, short[] coef, int rows, int cols, int bw, int ss, int se, int al, int ri)
            throws JpegException {
        int count = 0;
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < cols; bx++, count++) {
                if (restartBefore(count, ri)) restart();
                if (eobrun > 0) {
                    // an end-of-band run ends at the row's end or the next restart at the latest
                    int skip = Math.min(eobrun, cols - bx);
                    if (ri > 0) skip = Math.min(skip, ri - count % ri);
                    eobrun -= skip;
                    bx += skip - 1;
                    count += skip - 1;
                    continue;
                }
                acFirst(c, coef, by * bw + bx, ss, se, al);
            }
            checkNotOverrun();
        }
    }

    /**
     * A refinement (successive approximation) AC scan of one component over {@code rows x cols} blocks ({@code bw}
     * blocks per buffer row), with the bit buffer and the end-of-band run in locals. Per block libjpeg's logic
     * (jdphuff.c decode_mcu_AC_refine), but with the block's non-zero bit mask: a zero run is found in the mask
     * instead of coefficient by coefficient, and of the correction bits (one per already non-zero coefficient
     * passed, in zig-zag order) those of coefficients the scaled IDCT does not read ({@link Component#used}) are
     * only counted off.
     */
    void acRefineScan(Component c, short[] coef, int rows, int cols, int bw, int ss, int se, int al, int ri)
            throws JpegException {
        final int p1 = 1 << al;
        final long band = (se == 63 ? -1L : (1L << (se + 1)) - 1) & (-1L << ss);
        final HuffmanTable ac = c.ac;
        final int[] lookup = ac.lookup;
        final long[] nonZero = c.nonZero;
        final int[] slot = c.slot;
        final int cs = c.coefStride;
        final long used = c.used;
        final long usedHead = -1L >>> Long.numberOfLeadingZeros(used); // positions up to the last used one
        long b = buf;
        int n = bits;
        int run = eobrun;
        int count = 0;
        for (int by = 0; by < rows; by++) {
            for (int bx = 0, blockIndex = by * bw; bx < cols; bx++, blockIndex++, count++) {
                if (restartBefore(count, ri)) {
                    bits = n;
                    buf = b;
                    restart();
                    b = buf;
                    n = bits;
                    run = 0;
                }
                int off = blockIndex * cs;
                long nz = nonZero[blockIndex];
                int k = ss;
                while (true) {
                    long todo;
                    int s = 0;
                    int t = 0;
                    if (run > 0) {
                        todo = nz & band & (-1L << k); // the rest of the block lies in the end-of-band run
                    } else if (k > se) {
                        break;
                    } else {
                        if (n < 16) {
                            bits = n;
                            fill();
                            b = buf;
                            n = bits;
                        }
                        int e = lookup[(int) (b >>> (n - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
                        int rs;
                        if (e != 0) {
                            n -= e >> 8;
                            rs = e & 0xFF;
                        } else {
                            bits = n;
                            rs = decodeSlow(ac);
                            n = bits;
                        }
                        s = rs & 15;
                        int r = rs >> 4;
                        if (s != 0) {
                            if (s != 1) throw new JpegException("corrupt data: bad refinement value");
                            if (n < 1) {
                                bits = n;
                                fill();
                                b = buf;
                                n = bits;
                            }
                            n--;
                            s = (((int) (b >>> n) & 1) * 2 - 1) * p1; // the new coefficient: +p1 or -p1
                        } else if (r != 15) {
                            run = 1 << r;
                            if (r > 0) {
                                if (n < r) {
                                    bits = n;
                                    fill();
                                    b = buf;
                                    n = bits;
                                }
                                n -= r;
                                run += (int) (b >>> n) & ((1 << r) - 1);
                            }
                            continue;
                        }
                        // the target: the (r+1)-th coefficient from k that is still zero, or past the band
                        long zeros = ~nz & band & (-1L << k);
                        for (; r > 0 && zeros != 0; r--) zeros &= zeros - 1;
                        t = zeros == 0 ? se + 1 : lowestBit(zeros);
                        todo = nz & band & (-1L << k) & (t > 63 ? -1L : (1L << t) - 1);
                    }
                    // in zig-zag order: bit by bit up to the last used position (unused ones only consumed), then
                    // the bits of the unused tail counted off at once
                    long tail = todo & ~usedHead;
                    todo &= usedHead;
                    while (todo != 0) {
                        int q = lowestBit(todo);
                        todo &= todo - 1;
                        if (n < 1) {
                            bits = n;
                            fill();
                            b = buf;
                            n = bits;
                        }
                        n--;
                        // without branches (the bits are random: a branch on each mispredicts half the time): a
                        // set bit moves the coefficient away from zero by p1 unless that bit of it is already set
                        // (libjpeg's guard against corrupt data); positions the IDCT never reads may change too
                        int z = off + slot[q];
                        int v = coef[z];
                        int sign = v >> 31;
                        int flip = (int) (b >>> n) & ~(v >> al) & 1;
                        coef[z] = (short) (v + (((p1 ^ sign) - sign) & -flip));
                    }
                    if (tail != 0) {
                        int skip = Long.bitCount(tail);
                        while (skip > 0) {
                            if (n < 1) {
                                bits = n;
                                fill();
                                b = buf;
                                n = bits;
                            }
                            int m = Math.min(skip, n);
                            n -= m;
                            skip -= m;
                        }
                    }
                    if (run > 0) {
                        run--;
                        break;
                    }
                    k = t;
                    if (s != 0) {
                        if (k > 63) throw new JpegException("corrupt data: coefficient index out of range");
                        coef[off + slot[k]] = (short) s;
                        nz |= 1L << k;
                        nonZero[blockIndex] = nz;
                    }
                    k++;
                }
            }
            buf = b;
            bits = n;
            checkNotOverrun();
        }
        buf = b;
        bits = n;
        eobrun = run;
    }

    /**
     * A DC scan (first pass when {@code refine} is false) of the components {@code sc}, interleaved in MCUs
     * ({@code mcusX x mcusY}) or, for one component, over its blocks (one block an MCU). A stretch of MCUs up to the
     * row's end or the next restart is decoded in one call with the bit buffer in locals: a call per MCU and
     * component, as before, cost more than the decoding (one code or one bit per block).
     */
    void dcScan(Component[] sc, int mcusX, int mcusY, boolean refine, int al, int ri) throws JpegException {
        boolean single = sc.length == 1;
        int rows = single ? sc[0].bhReal : mcusY;
        int cols = single ? sc[0].bwReal : mcusX;
        int count = 0;
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; ) {
                if (restartBefore(count, ri)) {
                    restart();
                    for (Component c : sc) c.dcPred = 0;
                }
                int m = cols - col;
                if (ri > 0) m = Math.min(m, ri - count % ri);
                dcMcus(sc, single, row, col, col + m, refine, al);
                col += m;
                count += m;
            }
            checkNotOverrun();
        }
    }

    /** The DC terms of MCUs {@code mx0..mx1-1} of MCU row {@code my}: in each, every component's blocks in turn. */
    private void dcMcus(Component[] sc, boolean single, int my, int mx0, int mx1, boolean refine, int al)
            throws JpegException {
        long b = buf;
        int n = bits;
        for (int mx = mx0; mx < mx1; mx++) {
            for (Component c : sc) {
                short[] coef = c.coef;
                int cs = c.coefStride;
                int hh = single ? 1 : c.h;
                int vv = single ? 1 : c.v;
                for (int v = 0; v < vv; v++) {
                    int off = ((my * vv + v) * c.bw + mx * hh) * cs;
                    for (int h = 0; h < hh; h++, off += cs) {
                        if (refine) {
                            if (n < 1) {
                                bits = n;
                                fill();
                                b = buf;
                                n = bits;
                            }
                            n--;
                            coef[off] |= (short) (((int) (b >>> n) & 1) << al); // no branch on a random bit
                            continue;
                        }
                        if (n < 32) {
                            bits = n;
                            fill();
                            b = buf;
                            n = bits;
                        }
                        int e = c.dc.lookup[(int) (b >>> (n - HuffmanTable.LOOKUP_BITS))
                                & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
                        int s;
                        if (e != 0) {
                            n -= e >> 8;
                            s = e & 0xFF;
                        } else {
                            bits = n;
                            s = decodeSlow(c.dc);
                            n = bits;
                        }
                        int pred = c.dcPred;
                        if (s != 0) {
                            if (s > 16) throw new JpegException("corrupt data: bad DC difference");
                            n -= s;
                            int d = (int) (b >>> n) & ((1 << s) - 1);
                            pred += d + (((d - (1 << (s - 1))) >> 31) & ((-1 << s) + 1));
                            c.dcPred = pred;
                        }
                        coef[off] = (short) (pred << al);
                    }
                }
            }
        }
        buf = b;
        bits = n;
    }
}
