package io.pixpool.core.jpeg;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A pure-Java decoder for Huffman-coded 8-bit JPEGs (baseline, extended and progressive; grey or YCbCr; any
 * integer sampling factors) that decodes straight to any eighth of the size (1/8 .. 8/8: each block gives that
 * many samples per side) with scaled IDCTs.
 * <p>
 * Progressive files are decoded into one coefficient buffer and turned into pixels once, at the end (the JDK
 * reader redraws the picture after every scan). At 1/8 only DC coefficients matter, so progressive AC scans are
 * skipped unread. Other JPEG kinds (arithmetic, 12-bit, lossless, hierarchical, CMYK/YCCK, RGB) raise
 * {@link UnsupportedJpegException} as soon as the header shows them; truncated or corrupt data raises a
 * {@link JpegException}.
 * <p>
 * Usage: {@code new JpegDecoder(bytes)} reads the header up to the frame; {@link #decode(int)} does the rest.
 * One instance decodes once; not thread-safe.
 */
public final class JpegDecoder {

    private static final int[] ONES = new int[64];

    static {
        Arrays.fill(ONES, 1);
    }

    private final byte[] data;
    private final int end;
    /** Position of the first marker after the frame header (or the frame header itself's end). */
    private int pos;
    private final int[][] quant = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private int restartInterval;
    private boolean jfif;
    private int adobeTransform = -1;
    private boolean iccProfile;
    private boolean progressive;
    private int width;
    private int height;
    private Component[] comps;
    private int hmax;
    private int vmax;
    private int mcusX;
    private int mcusY;
    private boolean used;
    /**
     * Whether coefficients are kept for the whole picture and converted at the end: progressive files, and
     * baseline files whose first scan lacks some components. Otherwise each MCU row goes straight to pixels.
     */
    private boolean buffered;

    /**
     * Reads the markers up to and including the frame header.
     *
     * @throws UnsupportedJpegException a JPEG kind this decoder leaves to others
     * @throws JpegException            not a JPEG, or the header is truncated or corrupt
     */
    public JpegDecoder(byte[] data) throws JpegException {
        this.data = data;
        this.end = data.length;
        if (end < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) throw new JpegException("not a JPEG");
        pos = 2;
        while (comps == null) {
            int m = readMarker();
            if (m < 0) throw new JpegException("premature end of file before the frame header");
            if (!tableOrMisc(m)) {
                if (m == 0xC0 || m == 0xC1 || m == 0xC2) {
                    readFrame(m == 0xC2);
                } else if (m == 0xDA || m == 0xD9) {
                    throw new JpegException("corrupt data: no frame header");
                } else {
                    throw new UnsupportedJpegException(String.format("unsupported JPEG process (marker 0x%02X)", m));
                }
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isProgressive() {
        return progressive;
    }

    /** Whether an ICC profile (APP2 ICC_PROFILE) came before the frame header. */
    public boolean hasIccProfile() {
        return iccProfile;
    }

    /** Number of components: 1 (grey) or 3 (YCbCr). */
    public int components() {
        return comps.length;
    }

    /** Output size for a scale: ceil(size / scale). */
    public static int scaled(int size, int scale) {
        return (size + scale - 1) / scale;
    }

    /** Output size at {@code eighths}/8 of the size: ceil(size * eighths / 8). */
    public static int eighths(int size, int eighths) {
        return (int) (((long) size * eighths + 7) / 8);
    }

    /**
     * Decodes the image at 1/{@code scale} of its size (scale 1, 2, 4 or 8) into a TYPE_INT_RGB image of
     * ceil(width/scale) x ceil(height/scale).
     */
    public BufferedImage decode(int scale) throws JpegException {
        return decodeEighths(eighthsOf(scale), null);
    }

    /**
     * Decodes the image at {@code eighths}/8 of its size (1..8: each block gives that many samples across and
     * down), ceil(width * eighths / 8) x ceil(height * eighths / 8), into an image, or row by row into
     * {@code sink} when there is one (then null).
     */
    public BufferedImage decodeEighths(int eighths, RowSink sink) throws JpegException {
        if (eighths < 1 || eighths > 8) throw new IllegalArgumentException("eighths must be 1..8: " + eighths);
        return run(eighths, sink);
    }

    private static int eighthsOf(int scale) {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8: " + scale);
        }
        return 8 / scale;
    }

    private BufferedImage run(int n, RowSink sink) throws JpegException {
        if (used) throw new IllegalStateException("already decoded");
        used = true;
        for (Component c : comps) {
            // like libjpeg 7+: a component subsampled k times gets k times more samples per block, up to 8 (no
            // upsampling at 1/2 for 4:2:0)
            int kx = 1;
            while (n * kx * 2 <= 8 && c.hr % (kx * 2) == 0) kx *= 2;
            int ky = 1;
            while (n * ky * 2 <= 8 && c.vr % (ky * 2) == 0) ky *= 2;
            c.bsx = n * kx;
            c.bsy = n * ky;
            c.hr /= kx;
            c.vr /= ky;
            c.used = Idct.usedCoefficients(c.bsx, c.bsy);
            c.reads = naturalIndexes(c.used);
            c.stride = c.bw * c.bsx;
            c.ringRows = 3 * c.v * c.bsy;
            c.plane = new byte[c.stride * c.ringRows];
            c.cw = (int) Math.max(1, ceilDiv((long) width * c.h * c.bsx, (long) hmax * 8));
            c.ch = (int) Math.max(1, ceilDiv((long) height * c.v * c.bsy, (long) vmax * 8));
            if (progressive) buffer(c);
        }
        buffered = progressive;
        ColorWriter writer = new ColorWriter(comps, eighths(width, n), eighths(height, n), sink);
        Scans scans = new Scans(writer);
        boolean eoi = false;
        while (!eoi) {
            int m = readMarker();
            if (m < 0) break;
            if (tableOrMisc(m)) continue;
            switch (m) {
                case 0xDA: scans.scan(); break;
                case 0xD9: eoi = true; break;
                case 0xC0: case 0xC1: case 0xC2: throw new UnsupportedJpegException("more than one frame");
                default:
                    if (m >= 0xD0 && m <= 0xD7) continue; // stray restart marker
                    if (m >= 0xC3 && m <= 0xCF) throw new UnsupportedJpegException("unsupported JPEG process");
                    if (m == 0xDC) throw new UnsupportedJpegException("DNL marker");
                    skipSegment();
            }
        }
        scans.checkComplete(eoi);
        if (buffered) scans.outputAll();
        return writer.finish();
    }

    /** The natural-order indexes of the zig-zag positions set in {@code positions}. */
    private static int[] naturalIndexes(long positions) {
        int[] r = new int[Long.bitCount(positions)];
        for (int k = 0, i = 0; k < 64; k++) {
            if ((positions >>> k & 1) != 0) r[i++] = EntropyDecoder.ZIGZAG[k];
        }
        return r;
    }

    /** Gives {@code c} a coefficient buffer for the whole picture (progressive or multi-scan baseline files). */
    private void buffer(Component c) throws JpegException {
        int[] zz = EntropyDecoder.ZIGZAG;
        c.slot = new int[zz.length];
        if (c.used == -1L) {
            c.coefStride = 64;
            c.stored = new int[64];
            for (int i = 0; i < 64; i++) c.stored[i] = i;
            for (int k = 0; k < zz.length; k++) c.slot[k] = zz[k];
        } else {
            int kept = c.reads.length;
            c.coefStride = kept + 1; // the last slot takes the coefficients nobody reads
            c.stored = c.reads; // the used positions in zig-zag order, as the slots number them
            for (int k = 0, i = 0; k < zz.length; k++) {
                c.slot[k] = k < 64 && (c.used >>> k & 1) != 0 ? i++ : kept;
            }
        }
        long n = (long) c.bw * c.bh * c.coefStride;
        if (n > Integer.MAX_VALUE - 16) throw new UnsupportedJpegException("too large for this decoder");
        c.coef = new short[(int) n];
        c.nonZero = new long[c.bw * c.bh];
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The next marker code, skipping fill bytes and stray data; -1 at the end of the data. */
    private int readMarker() {
        int p = EntropyDecoder.nextMarker(data, pos, end);
        if (p < 0) {
            pos = end;
            return -1;
        }
        pos = p + 2;
        return data[p + 1] & 0xFF;
    }

    private int u16(int p) throws JpegException {
        if (p + 1 >= end) throw new JpegException("premature end of file in a header");
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }

    private int u8(int p, int limit) throws JpegException {
        if (p >= limit) throw new JpegException("corrupt data: segment too short");
        return data[p] & 0xFF;
    }

    /** Segment [pos+2, returned end) after the length field; checks it lies within the data. */
    private int segmentEnd() throws JpegException {
        int len = u16(pos);
        if (len < 2) throw new JpegException("corrupt data: bad segment length");
        int e = pos + len;
        if (e > end) throw new JpegException("premature end of file in a header");
        return e;
    }

    private void skipSegment() throws JpegException {
        pos = segmentEnd();
    }

    /** Handles tables and markers allowed anywhere; false when {@code m} is none of them. */
    private boolean tableOrMisc(int m) throws JpegException {
        if (m == 0xDB) {
            readQuant();
        } else if (m == 0xC4) {
            readHuffman();
        } else if (m == 0xDD) {
            int e = segmentEnd();
            restartInterval = u16(pos + 2);
            pos = e;
        } else if (m == 0xCC) {
            throw new UnsupportedJpegException("arithmetic coding");
        } else if (m >= 0xE0 && m <= 0xEF) {
            readApp(m);
        } else if (m == 0xFE || m == 0xF0 || (m >= 0xF1 && m <= 0xFD)) {
            skipSegment();
        } else {
            return m == 0x01 || (m >= 0xD0 && m <= 0xD7); // TEM and stray restart markers: no segment
        }
        return true;
    }

    private void readApp(int m) throws JpegException {
        int e = segmentEnd();
        int p = pos + 2;
        if (m == 0xE0 && startsWith(p, e, "JFIF\0")) jfif = true;
        if (m == 0xE2 && startsWith(p, e, "ICC_PROFILE\0")) iccProfile = true;
        if (m == 0xEE && startsWith(p, e, "Adobe") && e - p >= 12) adobeTransform = data[p + 11] & 0xFF;
        pos = e;
    }

    private boolean startsWith(int p, int e, String s) {
        if (e - p < s.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (data[p + i] != (byte) s.charAt(i)) return false;
        }
        return true;
    }

    private void readQuant() throws JpegException {
        int e = segmentEnd();
        int p = pos + 2;
        while (p < e) {
            int pq = u8(p, e) >> 4;
            int tq = data[p] & 15;
            p++;
            if (tq > 3 || pq > 1) throw new JpegException("corrupt data: bad quantisation table");
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                int v = pq == 0 ? u8(p++, e) : (u8(p++, e) << 8 | u8(p++, e));
                q[EntropyDecoder.ZIGZAG[k]] = v;
            }
            quant[tq] = q;
        }
        pos = e;
    }

    private void readHuffman() throws JpegException {
        int e = segmentEnd();
        int p = pos + 2;
        while (p < e) {
            int tc = u8(p, e) >> 4;
            int th = data[p] & 15;
            p++;
            if (tc > 1 || th > 3) throw new JpegException("corrupt data: bad Huffman table");
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(p++, e);
                total += counts[i];
            }
            if (total > 256) throw new JpegException("corrupt data: bad Huffman table");
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) symbols[i] = u8(p++, e);
            HuffmanTable t = new HuffmanTable(counts, symbols);
            if (tc == 0) dcTables[th] = t;
            else acTables[th] = t;
        }
        pos = e;
    }

    private void readFrame(boolean prog) throws JpegException {
        int e = segmentEnd();
        int p = pos + 2;
        int precision = u8(p, e);
        height = u16(p + 1);
        width = u16(p + 3);
        int n = u8(p + 5, e);
        if (precision != 8) throw new UnsupportedJpegException(precision + "-bit samples");
        if (height == 0) throw new UnsupportedJpegException("height defined later (DNL)");
        if (width == 0) throw new JpegException("corrupt data: zero width");
        if (n != 1 && n != 3) throw new UnsupportedJpegException(n + " colour components");
        if (p + 6 + 3 * n > e) throw new JpegException("corrupt data: frame header too short");
        Component[] cs = new Component[n];
        for (int i = 0; i < n; i++) {
            int q = p + 6 + 3 * i;
            int hv = data[q + 1] & 0xFF;
            Component c = new Component(data[q] & 0xFF, hv >> 4, hv & 15, data[q + 2] & 0xFF);
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw new JpegException("corrupt data: bad component in frame header");
            }
            cs[i] = c;
        }
        if (n == 3) checkColourTransform(cs);
        if (n == 1) {
            cs[0] = new Component(cs[0].id, 1, 1, cs[0].tq); // one component: the MCU is one block
        }
        for (Component c : cs) {
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
        }
        mcusX = (int) ceilDiv(width, 8L * hmax);
        mcusY = (int) ceilDiv(height, 8L * vmax);
        for (Component c : cs) {
            if (hmax % c.h != 0 || vmax % c.v != 0) {
                throw new UnsupportedJpegException("non-integer sampling ratios");
            }
            c.hr = hmax / c.h;
            c.vr = vmax / c.v;
            c.bw = mcusX * c.h;
            c.bh = mcusY * c.v;
            c.bwReal = (int) ceilDiv(ceilDiv((long) width * c.h, hmax), 8);
            c.bhReal = (int) ceilDiv(ceilDiv((long) height * c.v, vmax), 8);
        }
        progressive = prog;
        comps = cs;
        pos = e;
    }

    /** Only YCbCr is handled: Adobe transform 0 (RGB) and JFIF-less files with R, G, B component ids are not. */
    private void checkColourTransform(Component[] cs) throws UnsupportedJpegException {
        if (jfif) return;
        if (adobeTransform == 0) throw new UnsupportedJpegException("RGB JPEG (Adobe transform 0)");
        if (adobeTransform < 0 && cs[0].id == 'R' && cs[1].id == 'G' && cs[2].id == 'B') {
            throw new UnsupportedJpegException("RGB JPEG");
        }
    }

    /** Scan headers and scan data: decodes entropy data, tracks which coefficients are complete. */
    private final class Scans {
        private final EntropyDecoder ed = new EntropyDecoder(data, end);
        private final Idct idct = new Idct();
        private final int[] blk = new int[64];
        /** Per component: lowest bit decoded so far of each coefficient (progressive), -1 = none. */
        private final int[][] done;
        /** Baseline: components covered by a complete scan. */
        private final boolean[] covered;

        private final ColorWriter writer;
        private final int[] planeRows;

        Scans(ColorWriter writer) {
            this.writer = writer;
            planeRows = new int[comps.length];
            done = new int[comps.length][64];
            for (int[] d : done) Arrays.fill(d, -1);
            covered = new boolean[comps.length];
        }

        void scan() throws JpegException {
            int e = segmentEnd();
            int p = pos + 2;
            int n = u8(p, e);
            if (n < 1 || n > 4 || p + 1 + 2 * n + 3 > e) throw new JpegException("corrupt data: bad scan header");
            Component[] sc = new Component[n];
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                int id = data[p + 1 + 2 * i] & 0xFF;
                int t = data[p + 2 + 2 * i] & 0xFF;
                int k = indexOf(id);
                Component c = comps[k];
                c.dc = dcTables[t >> 4 & 3];
                c.ac = acTables[t & 3];
                if (c.quant == null) {
                    if (quant[c.tq] == null) throw new JpegException("corrupt data: missing quantisation table");
                    c.quant = quant[c.tq].clone();
                }
                sc[i] = c;
                idx[i] = k;
            }
            int q = p + 1 + 2 * n;
            int ss = data[q] & 0xFF;
            int se = data[q + 1] & 0xFF;
            int ah = (data[q + 2] & 0xFF) >> 4;
            int al = data[q + 2] & 15;
            pos = e;
            if (!progressive) {
                for (Component c : sc) {
                    if (c.dc == null || c.ac == null) throw new JpegException("corrupt data: missing Huffman table");
                }
                if (!buffered && sc.length != comps.length) {
                    boolean first = true;
                    for (boolean b : covered) first &= !b;
                    if (!first) throw new JpegException("corrupt data: component decoded twice");
                    buffered = true;
                    for (Component c : comps) buffer(c);
                }
                decodeScan(sc, 0, 63, 0, 0);
                for (int k : idx) covered[k] = true;
                return;
            }
            if (ss > se || se > 63 || (ss == 0 && se != 0) || (ss > 0 && n != 1) || al > 13) {
                throw new JpegException("corrupt data: bad progressive scan parameters");
            }
            for (Component c : sc) {
                if (ss == 0 && ah == 0 && c.dc == null) throw new JpegException("corrupt data: missing Huffman table");
                if (ss > 0 && c.ac == null) throw new JpegException("corrupt data: missing Huffman table");
            }
            if (ss > 0 && sc[0].bsx == 1 && sc[0].bsy == 1) {
                skipScan(); // 1/8 scale needs only the DC coefficients
            } else {
                decodeScan(sc, ss, se, ah, al);
            }
            for (int k : idx) {
                for (int z = ss; z <= se; z++) done[k][z] = al;
            }
        }

        private int indexOf(int id) throws JpegException {
            for (int k = 0; k < comps.length; k++) {
                if (comps[k].id == id) return k;
            }
            throw new JpegException("corrupt data: scan names an unknown component");
        }

        private void skipScan() throws JpegException {
            int p = pos;
            while (true) {
                p = EntropyDecoder.nextMarker(data, p, end);
                if (p < 0) throw new JpegException("premature end of data");
                int m = data[p + 1] & 0xFF;
                if (m < 0xD0 || m > 0xD7) break;
                p += 2;
            }
            pos = p;
        }

        private void decodeScan(Component[] sc, int ss, int se, int ah, int al) throws JpegException {
            for (Component c : sc) c.dcPred = 0;
            ed.start(pos);
            int ri = restartInterval;
            int count = 0;
            if (progressive) {
                // whole scans in the entropy decoder (see there)
                Component c = sc[0];
                if (ss == 0) ed.dcScan(sc, mcusX, mcusY, ah != 0, al, ri);
                else if (ah == 0) ed.acFirstScan(c, c.coef, c.bhReal, c.bwReal, c.bw, ss, se, al, ri);
                else ed.acRefineScan(c, c.coef, c.bhReal, c.bwReal, c.bw, ss, se, al, ri);
            } else if (sc.length == 1) {
                Component c = sc[0];
                for (int by = 0; by < c.bhReal; by++) {
                    for (int bx = 0; bx < c.bwReal; bx++) {
                        if (ri > 0 && count > 0 && count % ri == 0) {
                            ed.restart();
                            c.dcPred = 0;
                        }
                        count++;
                        block(c, bx, by);
                    }
                    ed.checkNotOverrun();
                    if (!buffered) advance(by + 1);
                }
            } else {
                for (int my = 0; my < mcusY; my++) {
                    for (int mx = 0; mx < mcusX; mx++) {
                        if (ri > 0 && count > 0 && count % ri == 0) {
                            ed.restart();
                            for (Component c : sc) c.dcPred = 0;
                        }
                        count++;
                        for (Component c : sc) {
                            for (int v = 0; v < c.v; v++) {
                                for (int h = 0; h < c.h; h++) {
                                    block(c, mx * c.h + h, my * c.v + v);
                                }
                            }
                        }
                    }
                    ed.checkNotOverrun();
                    if (!buffered) advance(my + 1);
                }
            }
            ed.checkNotOverrun();
            int next = EntropyDecoder.nextMarker(data, ed.position(), end);
            pos = next < 0 ? end : next;
        }

        private void block(Component c, int bx, int by) throws JpegException {
            int[] blk = c.block;
            if (!buffered) {
                int last = ed.baselineBlock(c, blk, c.quant);
                int dst = c.blockRowOffset(by) + bx * c.bsx;
                if (last == 0) {
                    Idct.fill(blk[0], c.plane, dst, c.stride, c.bsx, c.bsy);
                    blk[0] = 0;
                    return;
                }
                idct.run(c.bsx, c.bsy, blk, c.plane, dst, c.stride); // leaves what it read zero
                return;
            }
            // baseline with a scan per component (progressive scans run whole in the entropy decoder)
            int b = by * c.bw + bx;
            int off = b * c.coefStride;
            int last = ed.baselineBlock(c, blk, ONES);
            int[] stored = c.stored;
            for (int i = 0; i < stored.length; i++) c.coef[off + i] = (short) blk[stored[i]];
            c.nonZero[b] = last > 0 ? 2 : 0; // only "some AC" matters for a baseline block
            clear(c, last);
        }

        /**
         * Zeroes what the next block's IDCT would read of {@code c}'s block: the coefficients up to zig-zag index
         * {@code last}, the only ones a block decode sets, or at a reduced size only the positions the IDCT reads
         * when they are fewer (a 1/4 decode reads 4 of the 64).
         */
        private static void clear(Component c, int last) {
            int[] blk = c.block;
            int[] reads = c.reads;
            if (reads.length <= last) {
                for (int z : reads) blk[z] = 0;
            } else if (last > 40) {
                Arrays.fill(blk, 0);
            } else {
                for (int k = 0; k <= last; k++) blk[EntropyDecoder.ZIGZAG[k]] = 0;
            }
        }

        /** Fails unless every sample has been decoded (a missing EOI after complete data is fine). */
        void checkComplete(boolean eoi) throws JpegException {
            for (int k = 0; k < comps.length; k++) {
                boolean ok;
                if (progressive) {
                    ok = true;
                    int last = comps[k].bsx == 1 && comps[k].bsy == 1 ? 0 : 63;
                    for (int z = 0; z <= last; z++) ok &= done[k][z] == 0;
                } else {
                    ok = covered[k];
                }
                if (!ok) throw new JpegException(eoi ? "corrupt data: image incomplete" : "premature end of file");
            }
        }

        /** The planes hold the first {@code mcuRows} MCU rows: writes the output rows that are complete. */
        private void advance(int mcuRows) {
            for (int i = 0; i < comps.length; i++) {
                Component c = comps[i];
                planeRows[i] = Math.min(mcuRows * c.v, c.bhReal) * c.bsy;
            }
            writer.advance(planeRows);
        }

        /**
         * Progressive: dequantises and inverse-transforms every block once, an MCU row at a time, each followed
         * by the colour conversion of the rows it completes.
         */
        void outputAll() {
            for (int my = 0; my < mcusY; my++) {
                for (Component c : comps) {
                    short[] coef = c.coef;
                    long[] nonZero = c.nonZero;
                    int[] q = c.quant;
                    int[] slot = c.slot;
                    int[] stored = c.stored;
                    int cs = c.coefStride;
                    int bsx = c.bsx;
                    int bsy = c.bsy;
                    int n = bsx == 1 && bsy == 1 ? 1 : 64;
                    int byEnd = Math.min((my + 1) * c.v, c.bhReal);
                    for (int by = my * c.v; by < byEnd; by++) {
                        for (int bx = 0; bx < c.bwReal; bx++) {
                            int b = by * c.bw + bx;
                            int off = b * cs;
                            int dst = c.rowOffset(by * bsy) + bx * bsx;
                            if (nonZero[b] == 0 || n == 1) {
                                Idct.fill(coef[off] * q[0], c.plane, dst, c.stride, bsx, bsy);
                                continue;
                            }
                            long nz = nonZero[b] & c.used;
                            if (!progressive || Long.bitCount(nz) > 24) { // baseline: nz only says "some AC"
                                if (c.used == -1L) {
                                    for (int i = 0; i < 64; i++) blk[i] = coef[off + i] * q[i];
                                    idct.run(c.bsx, c.bsy, blk, c.plane, dst, c.stride);
                                } else { // a scaled IDCT: only the coefficients it reads, all that is kept
                                    for (int i = 0; i < stored.length; i++) {
                                        int z = stored[i];
                                        blk[z] = coef[off + i] * q[z];
                                    }
                                    idct.run(c.bsx, c.bsy, blk, c.plane, dst, c.stride);
                                }
                                continue;
                            }
                            // only the coefficients the AC scans made non-zero (and the IDCT reads): most blocks
                            // have a few
                            blk[0] = coef[off] * q[0];
                            for (long t = nz; t != 0; t &= t - 1) {
                                int k = EntropyDecoder.lowestBit(t);
                                int z = EntropyDecoder.ZIGZAG[k];
                                blk[z] = coef[off + slot[k]] * q[z];
                            }
                            idct.run(c.bsx, c.bsy, blk, c.plane, dst, c.stride);
                        }
                    }
                }
                advance(my + 1);
            }
        }
    }
}
