package io.pixpool.core;

import io.pixpool.core.jpeg.RowSink;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Separable convolution resize of INT_RGB/ARGB images, the scheme of Pillow's {@code ImagingResample}: for a
 * reduction by {@code f} the kernel is stretched to {@code f} times its support (so it averages over the whole
 * area each output pixel covers instead of point-sampling it), the weights of each output column/row are
 * normalised and kept as fixed-point ints, then a horizontal pass and a vertical pass, results clamped to 0..255.
 * Images with alpha are filtered premultiplied, so transparent pixels add no colour (no dark fringes).
 * <p>
 * Not used by {@link Resizer} yet: wired in as the QUALITY resize it reached 37.26 dB mean PSNR on the benchmark
 * corpus (Pillow 37.31, imgscalr path 35.73) but ran at 0.8-0.94x Pool+Pillow's speed under the C1-only JIT.
 */
final class Resampler {

    /** A symmetric filter kernel: its value at {@code x} (in output pixels) and the radius beyond which it is 0. */
    enum Kernel {
        LANCZOS3(3) {
            @Override
            double at(double x) {
                x = Math.abs(x);
                return x < 3 ? sinc(x) * sinc(x / 3) : 0;
            }
        },
        CATMULL_ROM(2) {
            @Override
            double at(double x) {
                return cubic(Math.abs(x), 0, 0.5);
            }
        },
        MITCHELL(2) {
            @Override
            double at(double x) {
                return cubic(Math.abs(x), 1.0 / 3, 1.0 / 3);
            }
        };

        final double support;

        Kernel(double support) {
            this.support = support;
        }

        abstract double at(double x);

        private static double sinc(double x) {
            if (x == 0) return 1;
            double px = Math.PI * x;
            return Math.sin(px) / px;
        }

        /** Mitchell-Netravali cubic with parameters b, c (b=0, c=0.5 is Catmull-Rom). */
        private static double cubic(double x, double b, double c) {
            if (x < 1) {
                return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6;
            }
            if (x < 2) {
                return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x
                        + (8 * b + 24 * c)) / 6;
            }
            return 0;
        }
    }

    /** Fixed-point precision of the weights: 255 * (sum of |weights| < 2) * 2^22 stays well inside an int. */
    private static final int BITS = 22;
    private static final int HALF = 1 << (BITS - 1);

    /*
     * Opaque images take a faster path: R, G and B of a pixel sit in one long, 21 bits apart, so one long
     * multiply-add per tap filters all three. Weights then have 11 fractional bits (summing to exactly 2048, so
     * flat areas stay exact). Each channel's sum starts at BIAS levels (plus the rounding half), so with the sum of
     * |weights| below PACKED_LIMIT (Lanczos3 is about 1.3) it ends between 256 - 255 * 0.45 and 256 + 255 * 1.45
     * levels: positive and below 2^10 levels, 2^21 in the field. Partial sums may borrow from the field above, but
     * the final fields are independent, so each channel is read with a shift and a mask and clamped by a table
     * lookup (no sign extension, no branches; small enough for the workers' C1 JIT to inline).
     */
    private static final int PACKED_BITS = 11;
    private static final double PACKED_LIMIT = 1.9;
    private static final int FIELD = RowSink.FIELD;
    private static final int BIAS = 256;
    private static final long ROUND =
            ((1L << (PACKED_BITS - 1)) + ((long) BIAS << PACKED_BITS)) * (1L | 1L << FIELD | 1L << 2 * FIELD);
    /** A channel's biased level (its field above the fraction bits) to 0..255. */
    private static final int[] LEVEL = new int[1 << (FIELD - PACKED_BITS)];

    static {
        for (int i = 0; i < LEVEL.length; i++) LEVEL[i] = Math.max(0, Math.min(255, i - BIAS));
    }

    private Resampler() {
    }

    /**
     * Where a decoded image's pixels come from: the stored image's full size and how the decoder reduced it. With
     * {@code eighths} 0, every {@code pointStep}-th pixel: pixel {@code i} is stored pixel {@code i * s} (point
     * sampling: the filter is centred on the exact stored positions, not on block centres, which would shift the
     * picture by {@code (s - 1) / 2} stored pixels). With {@code eighths} n (1..8), a DCT-domain scaled JPEG
     * decode: n samples per 8 stored pixels, each the picture band-limited and sampled at the centre of its
     * 8/n-pixel part of the block.
     */
    record Source(int width, int height, int pointStep, int eighths) {
        Source {
            if (width < 1 || height < 1 || pointStep < 1 || eighths < 0 || eighths > 8) {
                throw new IllegalArgumentException("bad source geometry");
            }
        }

        /** Every {@code pointStep}-th pixel of a {@code width x height} image. */
        Source(int width, int height, int pointStep) {
            this(width, height, pointStep, 0);
        }

        /** One sample per {@code scale x scale} block of a {@code width x height} image, at the block's centre. */
        static Source blocks(int width, int height, int scale) {
            return dct(width, height, 8 / scale);
        }

        /** A decode at {@code eighths}/8 of a {@code width x height} image in the DCT domain. */
        static Source dct(int width, int height, int eighths) {
            if (eighths < 1) throw new IllegalArgumentException("eighths must be 1..8: " + eighths);
            return new Source(width, height, 1, eighths);
        }

        /** Whether {@code img} is this source decoded with its step (else its geometry does not apply). */
        boolean describes(BufferedImage img) {
            return describes(img.getWidth(), img.getHeight());
        }

        /** Whether a {@code w x h} decode is this source reduced (a full-size decode is its own source). */
        boolean describes(int w, int h) {
            boolean reduced = eighths > 0 ? eighths < 8 : pointStep > 1;
            return reduced && w == size(width) && h == size(height);
        }

        /** Decoded samples for {@code full} stored pixels. */
        private int size(int full) {
            return eighths > 0 ? (int) (((long) full * eighths + 7) / 8) : (full + pointStep - 1) / pointStep;
        }

        Axis x() {
            return axis(width);
        }

        Axis y() {
            return axis(height);
        }

        private Axis axis(int full) {
            return eighths > 0 ? new Axis(full, size(full), 4.0 / eighths, 8.0 / eighths)
                    : new Axis(full, size(full), 0.5, pointStep);
        }
    }

    /**
     * One direction of a reduced image: {@code size} samples standing for a line of {@code full} pixels, sample
     * {@code i} centred at {@code first + i * spacing} in full-line coordinates (pixel {@code p} spans p..p+1).
     */
    record Axis(int full, int size, double first, double spacing) {

        /** The axis of the image a 2x2 box halving makes of this one (an odd last sample folded in). */
        Axis halved() {
            return new Axis(full, size / 2, first + spacing / 2, 2 * spacing);
        }
    }

    /** {@code img} resized to exactly {@code w x h} with {@code kernel}. */
    static BufferedImage resize(BufferedImage img, int w, int h, Kernel kernel) {
        return resize(img, w, h, kernel, null);
    }

    /**
     * {@code img}, a decode of {@code source} (null: the image itself is the source), resized to exactly
     * {@code w x h} with {@code kernel}.
     */
    static BufferedImage resize(BufferedImage img, int w, int h, Kernel kernel, Source source) {
        boolean geo = source != null && source.describes(img);
        return resize(img, w, h, kernel, geo ? source.x() : null, geo ? source.y() : null);
    }

    /** With the geometry of each direction (null: the image is its own source in that direction). */
    static BufferedImage resize(BufferedImage img, int w, int h, Kernel kernel, Axis ax, Axis ay) {
        if (w < 1 || h < 1) throw new IllegalArgumentException("size must be positive: " + w + "x" + h);
        if (Pixels.isRgbBytes(img)) {
            BufferedImage out = resizeBytes(img, w, h, kernel, ax, ay);
            if (out != null) return out;
        }
        BufferedImage src = Pixels.plain(img);
        int sw = src.getWidth();
        int sh = src.getHeight();
        if (ax == null || ax.size() != sw) ax = new Axis(sw, sw, 0.5, 1);
        if (ay == null || ay.size() != sh) ay = new Axis(sh, sh, 0.5, 1);
        boolean geo = ax.spacing() != 1 || ay.spacing() != 1;
        boolean alpha = src.getColorModel().hasAlpha();
        int[] in = Pixels.data(src);
        if (!alpha) {
            Streaming s = packed(sw, sh, w, h, kernel, ax, ay);
            if (s != null) return stream(new RowSource(in, null, sw), s);
        }
        if (alpha) in = premultiply(in);
        int[] mid = in;
        if (sw != w || geo) {
            mid = new int[w * sh];
            horizontal(in, sw, sh, mid, w, Weights.of(ax, w, kernel, BITS), alpha);
        }
        int[] out = mid;
        if (sh != h || geo) {
            out = new int[w * h];
            vertical(mid, w, out, h, Weights.of(ay, h, kernel, BITS), alpha);
        }
        if (alpha) unpremultiply(out);
        else if (out == in) out = in.clone();
        BufferedImage dst = Pixels.blank(src, w, h);
        System.arraycopy(out, 0, Pixels.data(dst), 0, out.length);
        return dst;
    }

    /**
     * The packed path straight from an R, G, B byte image (the JDK JPEG reader's output), without converting it to
     * INT_RGB first; null when the weights do not allow the packed path.
     */
    private static BufferedImage resizeBytes(BufferedImage img, int w, int h, Kernel kernel, Axis ax, Axis ay) {
        int sw = img.getWidth();
        int sh = img.getHeight();
        if (ax == null || ax.size() != sw) ax = new Axis(sw, sw, 0.5, 1);
        if (ay == null || ay.size() != sh) ay = new Axis(sh, sh, 0.5, 1);
        Streaming s = packed(sw, sh, w, h, kernel, ax, ay);
        return s == null ? null : stream(new RowSource(null, Pixels.rgbBytes(img), sw), s);
    }

    /** Input rows for the packed horizontal pass: INT_RGB pixels or R, G, B bytes, spread into longs. */
    private static final class RowSource {
        private final int[] ints;
        private final byte[] bytes;
        private final int width;

        RowSource(int[] ints, byte[] bytes, int width) {
            this.ints = ints;
            this.bytes = bytes;
            this.width = width;
        }

        void spreadRow(int y, long[] row) {
            int w = width;
            if (ints != null) {
                int p = y * w;
                for (int x = 0; x < w; x++) row[x] = spread(ints[p + x]);
            } else {
                byte[] b = bytes;
                int p = y * w * 3;
                for (int x = 0; x < w; x++, p += 3) {
                    row[x] = (long) (b[p] & 0xFF) << (2 * FIELD) | (long) (b[p + 1] & 0xFF) << FIELD | (b[p + 2] & 0xFF);
                }
            }
        }
    }

    /** For every output position: the first source position, the number of taps and their fixed-point weights. */
    static final class Weights {
        final int[] start;
        final int[] count;
        final int taps;
        final int[] w;
        /** The largest sum of |weights| of one output position. */
        final double maxAbsSum;

        private Weights(int[] start, int[] count, int taps, int[] w, double maxAbsSum) {
            this.start = start;
            this.count = count;
            this.taps = taps;
            this.w = w;
            this.maxAbsSum = maxAbsSum;
        }

        static Weights of(int inSize, int outSize, Kernel kernel) {
            return of(new Axis(inSize, inSize, 0.5, 1), outSize, kernel, BITS);
        }

        /** Recently computed weights: batches repeat the same geometry (camera sizes), and the kernel costs sines. */
        private static final int CACHED = 16;
        private static final Map<Key, Weights> CACHE = new LinkedHashMap<>(2 * CACHED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Weights> eldest) {
                return size() > CACHED;
            }
        };

        /**
         * With equals and hashCode written out: a record's generated ones are bootstrapped on first use through
         * method handles (about 25 classes generated and 15 ms in a fresh worker, on its first image).
         */
        private record Key(Axis axis, int outSize, Kernel kernel, int bits) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.outSize == outSize && k.kernel == kernel && k.bits == bits
                        && k.axis.full() == axis.full() && k.axis.size() == axis.size()
                        && Double.compare(k.axis.first(), axis.first()) == 0
                        && Double.compare(k.axis.spacing(), axis.spacing()) == 0;
            }

            @Override
            public int hashCode() {
                int h = 31 * axis.full() + axis.size();
                h = 31 * h + Double.hashCode(axis.first());
                h = 31 * h + Double.hashCode(axis.spacing());
                return 31 * (31 * (31 * h + outSize) + kernel.hashCode()) + bits;
            }
        }

        /**
         * The weights from the samples of {@code axis} to {@code outSize} pixels, {@code bits} fractional bits;
         * shared (never modified) between resizes of the same geometry. Computing them costs about a tenth of a
         * photo's resize under the workers' C1 JIT (tens of thousands of kernel values, each two sines).
         */
        static Weights of(Axis axis, int outSize, Kernel kernel, int bits) {
            Key key = new Key(axis, outSize, kernel, bits);
            synchronized (CACHE) {
                Weights w = CACHE.get(key);
                if (w != null) return w;
            }
            Weights w = compute(axis, outSize, kernel, bits);
            synchronized (CACHE) {
                CACHE.put(key, w);
            }
            return w;
        }

        private static Weights compute(Axis axis, int outSize, Kernel kernel, int bits) {
            int inSize = axis.size();
            double fullScale = (double) axis.full() / outSize;
            double scale = fullScale / axis.spacing();
            double filterScale = Math.max(scale, 1);
            double support = kernel.support * filterScale;
            int taps = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[outSize];
            int[] count = new int[outSize];
            int[] w = new int[outSize * taps];
            double[] k = new double[taps];
            double maxAbs = 0;
            for (int o = 0; o < outSize; o++) {
                // the output pixel's centre in input coordinates (input pixel i spans i..i+1)
                double centre = ((o + 0.5) * fullScale - axis.first()) / axis.spacing() + 0.5;
                int min = Math.max(0, (int) (centre - support + 0.5));
                int max = Math.min(inSize, (int) (centre + support + 0.5));
                int n = max - min;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double u = (i + min - centre + 0.5) / filterScale;
                    k[i] = kernel.at(u);
                    sum += k[i];
                }
                start[o] = min;
                count[o] = n;
                int total = 0;
                int largest = 0;
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    double v = sum == 0 ? 0 : k[i] / sum;
                    int q = (int) Math.round(v * (1 << bits));
                    w[o * taps + i] = q;
                    total += q;
                    abs += Math.abs(v);
                    if (q > w[o * taps + largest]) largest = i;
                }
                if (n > 0) w[o * taps + largest] += (1 << bits) - total;   // weights sum to exactly 1
                maxAbs = Math.max(maxAbs, abs);
            }
            return new Weights(start, count, taps, w, maxAbs);
        }
    }

    private static void horizontal(int[] in, int sw, int sh, int[] out, int w, Weights k, boolean alpha) {
        int taps = k.taps;
        int[] kw = k.w;
        for (int y = 0; y < sh; y++) {
            int row = y * sw;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + k.start[x];
                int n = k.count[x];
                int wi = x * taps;
                int a = HALF;
                int r = HALF;
                int g = HALF;
                int b = HALF;
                if (alpha) {
                    for (int t = 0; t < n; t++) {
                        int p = in[i + t];
                        int c = kw[wi + t];
                        a += (p >>> 24) * c;
                        r += (p >> 16 & 0xFF) * c;
                        g += (p >> 8 & 0xFF) * c;
                        b += (p & 0xFF) * c;
                    }
                } else {
                    for (int t = 0; t < n; t++) {
                        int p = in[i + t];
                        int c = kw[wi + t];
                        r += (p >> 16 & 0xFF) * c;
                        g += (p >> 8 & 0xFF) * c;
                        b += (p & 0xFF) * c;
                    }
                    a = 255 << BITS;
                }
                out[o + x] = pack(a, r, g, b);
            }
        }
    }

    /**
     * A decoded picture's rows through a {@link Streaming} resize, the way a decoder feeds it: the horizontally
     * filtered rows live in its small ring, not in a {@code w x sh} array of longs. A 1600 x 1200 JPEG that the JDK
     * reader decodes whole, fitted into 500 x 500: 13.2 -> 8.5 MB allocated for the photo; the same pixels.
     */
    private static BufferedImage stream(RowSource in, Streaming s) {
        for (int y = 0, sh = s.sh; y < sh; y++) {
            in.spreadRow(y, s.row(y));
            s.rowDone(y);
        }
        return s.finish();
    }

    /** The first {@code m} (1..4) of the packed rows r0..r3 filtered across into {@code out} from {@code o}. */
    private static void filterRows(long[] r0, long[] r1, long[] r2, long[] r3, int m, long[] out, int o, int w,
                                   Weights k) {
        int taps = k.taps;
        int[] kw = k.w;
        int[] start = k.start;
        int[] count = k.count;
        for (int x = 0; x < w; x++) {
            int i = start[x];
            int e = i + count[x];
            int wi = x * taps - i;
            long acc0 = ROUND;
            long acc1 = ROUND;
            long acc2 = ROUND;
            long acc3 = ROUND;
            for (; i < e; i++) {
                long c = kw[wi + i];
                acc0 += r0[i] * c;
                acc1 += r1[i] * c;
                acc2 += r2[i] * c;
                acc3 += r3[i] * c;
            }
            out[o + x] = unpackSpread(acc0);
            if (m > 1) out[o + w + x] = unpackSpread(acc1);
            if (m > 2) out[o + 2 * w + x] = unpackSpread(acc2);
            if (m > 3) out[o + 3 * w + x] = unpackSpread(acc3);
        }
    }

    /**
     * A resize fed row by row, by a decoder ({@link RowSink}) or by {@link #resize} from a decoded picture: every
     * four rows are filtered across as soon as they are written, while they are in the cache, so a decoder's picture
     * is never stored whole nor read back and converted; and each output row is filtered down as soon as the rows it
     * needs are there, from a ring of the last few filtered rows (at least the taps of the vertical filter and a
     * group of four), so the filtered rows are never stored whole either: a 960 x 600 decode resized to 500 x 313
     * kept 2.3 MB of them, now 16 rows, 64 KB (the largest worker on the --big corpus 139 -> 122 MB; the same
     * speed). Every opaque packed resize goes through here, so a decoder-fed resize gives the pixels of
     * {@link #resize} on the decoded picture.
     */
    static final class Streaming implements RowSink {
        private final int sh;
        private final int w;
        private final int h;
        private final Weights kx;
        private final Weights ky;
        /**
         * The group of four rows being written, each in its own array indexed by the tap position alone (cheaper
         * bounds checks for the workers' C1 JIT than one array of four rows: 5% faster), filtered across together
         * so that each weight is loaded once for all four.
         */
        private final long[][] rows;
        /** The filtered rows, row r at (r &amp; ringMask) * w. */
        private final long[] ring;
        private final int ringMask;
        private final long[] acc;
        private final BufferedImage dst;
        /** The next row expected. */
        private int next;
        /** The next output row to filter down. */
        private int nextOut;

        private Streaming(int sw, int sh, int w, int h, Weights kx, Weights ky) {
            this.sh = sh;
            this.w = w;
            this.h = h;
            this.kx = kx;
            this.ky = ky;
            rows = new long[][] {new long[sw], new long[sw], new long[sw], new long[sw]};
            int ringRows = Integer.highestOneBit(ky.taps + 3) << 1; // a power of two >= taps + 4 (see rowDone)
            ring = new long[ringRows * w];
            ringMask = ringRows - 1;
            acc = new long[w];
            dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public long[] row(int y) {
            if (y != next || y >= sh) throw new IllegalStateException("row " + y + " out of order, expected " + next);
            return rows[y & 3];
        }

        /**
         * Filters a group of four rows across into the ring (slots of a group are consecutive: the ring's size is a
         * multiple of four), then every output row whose rows are all there. Those are the last taps + 3 rows at
         * most, so a ring of taps + 4 never overwrites a row an output row still needs.
         */
        @Override
        public void rowDone(int y) {
            if (y != next) throw new IllegalStateException("row " + y + " done out of order, expected " + next);
            next++;
            if ((y & 3) == 3 || next == sh) {
                filterRows(rows[0], rows[1], rows[2], rows[3], (y & 3) + 1, ring, ((y & ~3) & ringMask) * w, w, kx);
                int[] out = Pixels.data(dst);
                while (nextOut < h && ky.start[nextOut] + ky.count[nextOut] <= next) {
                    verticalRow(ring, w, ringMask, nextOut++, out, acc, ky);
                }
            }
        }

        /** The resized image, once every row has come. */
        BufferedImage finish() {
            if (next != sh) throw new IllegalStateException(next + " of " + sh + " rows decoded");
            if (nextOut != h) throw new IllegalStateException(nextOut + " of " + h + " output rows made");
            return dst;
        }
    }

    /**
     * A {@link Streaming} resize of an opaque {@code sw x sh} decode of {@code source} (null: the decode is its own
     * source) to {@code w x h}; null when the kernel's weights do not fit the packed arithmetic.
     */
    static Streaming streaming(int sw, int sh, int w, int h, Kernel kernel, Source source) {
        if (w < 1 || h < 1) throw new IllegalArgumentException("size must be positive: " + w + "x" + h);
        boolean geo = source != null && source.describes(sw, sh);
        Axis ax = geo ? source.x() : new Axis(sw, sw, 0.5, 1);
        Axis ay = geo ? source.y() : new Axis(sh, sh, 0.5, 1);
        return packed(sw, sh, w, h, kernel, ax, ay);
    }

    /**
     * The packed {@link Streaming} resize of an opaque {@code sw x sh} picture with these geometries to
     * {@code w x h}, for a decoder or a decoded picture; null when the kernel's weights do not fit the packed
     * arithmetic.
     */
    private static Streaming packed(int sw, int sh, int w, int h, Kernel kernel, Axis ax, Axis ay) {
        Weights kx = Weights.of(ax, w, kernel, PACKED_BITS);
        Weights ky = Weights.of(ay, h, kernel, PACKED_BITS);
        if (kx.maxAbsSum >= PACKED_LIMIT || ky.maxAbsSum >= PACKED_LIMIT) return null;
        return new Streaming(sw, sh, w, h, kx, ky);
    }

    /**
     * Output row {@code y} of the vertical pass, from the horizontally filtered rows in {@code in}, a ring of rows:
     * row r at {@code (r & mask) * w}.
     */
    private static void verticalRow(long[] in, int w, int mask, int y, int[] out, long[] acc, Weights k) {
        int taps = k.taps;
        int[] kw = k.w;
        java.util.Arrays.fill(acc, ROUND);
        int n = k.count[y];
        int first = k.start[y];
        int t = 0;
        for (; t + 3 < n; t += 4) {   // four source rows per sweep: a quarter of the accumulator loads and stores
            long c0 = kw[y * taps + t];
            long c1 = kw[y * taps + t + 1];
            long c2 = kw[y * taps + t + 2];
            long c3 = kw[y * taps + t + 3];
            int row0 = ((first + t) & mask) * w;
            int row1 = ((first + t + 1) & mask) * w;
            int row2 = ((first + t + 2) & mask) * w;
            int row3 = ((first + t + 3) & mask) * w;
            for (int x = 0; x < w; x++) {
                acc[x] += in[row0 + x] * c0 + in[row1 + x] * c1 + in[row2 + x] * c2 + in[row3 + x] * c3;
            }
        }
        for (; t + 1 < n; t += 2) {   // two source rows per sweep: half the accumulator loads and stores
            long c0 = kw[y * taps + t];
            long c1 = kw[y * taps + t + 1];
            int row0 = ((first + t) & mask) * w;
            int row1 = ((first + t + 1) & mask) * w;
            for (int x = 0; x < w; x++) acc[x] += in[row0 + x] * c0 + in[row1 + x] * c1;
        }
        if (t < n) {
            long c = kw[y * taps + t];
            int row = ((first + t) & mask) * w;
            for (int x = 0; x < w; x++) acc[x] += in[row + x] * c;
        }
        int o = y * w;
        for (int x = 0; x < w; x++) out[o + x] = 0xFF000000 | unpack(acc[x]);
    }

    /** 0xRRGGBB spread into one long, 21 bits per channel. */
    private static long spread(int p) {
        long q = p;
        return (q & 0xFF0000L) << (2 * FIELD - 16) | (q & 0xFF00L) << (FIELD - 8) | (q & 0xFFL);
    }

    /** The three channel sums of a packed accumulator, scaled back and clamped, as 0xRRGGBB. */
    private static int unpack(long acc) {
        return level(acc, 2 * FIELD) << 16 | level(acc, FIELD) << 8 | level(acc, 0);
    }

    /** The same as {@code spread(unpack(acc))}: the clamped channels as a packed long again. */
    private static long unpackSpread(long acc) {
        return (long) level(acc, 2 * FIELD) << 2 * FIELD | (long) level(acc, FIELD) << FIELD | level(acc, 0);
    }

    /** The channel at bit {@code field} of a packed accumulator, scaled back and clamped to 0..255. */
    private static int level(long acc, int field) {
        return LEVEL[(int) (acc >>> (field + PACKED_BITS)) & ((1 << (FIELD - PACKED_BITS)) - 1)];
    }

    /** Row by row, accumulating whole source rows into per-column sums (sequential memory access). */
    private static void vertical(int[] in, int w, int[] out, int h, Weights k, boolean alpha) {
        int[] sa = new int[w];
        int[] sr = new int[w];
        int[] sg = new int[w];
        int[] sb = new int[w];
        int taps = k.taps;
        int[] kw = k.w;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sa, HALF);
            java.util.Arrays.fill(sr, HALF);
            java.util.Arrays.fill(sg, HALF);
            java.util.Arrays.fill(sb, HALF);
            int n = k.count[y];
            int first = k.start[y];
            for (int t = 0; t < n; t++) {
                int c = kw[y * taps + t];
                int row = (first + t) * w;
                if (alpha) {
                    for (int x = 0; x < w; x++) {
                        int p = in[row + x];
                        sa[x] += (p >>> 24) * c;
                        sr[x] += (p >> 16 & 0xFF) * c;
                        sg[x] += (p >> 8 & 0xFF) * c;
                        sb[x] += (p & 0xFF) * c;
                    }
                } else {
                    for (int x = 0; x < w; x++) {
                        int p = in[row + x];
                        sr[x] += (p >> 16 & 0xFF) * c;
                        sg[x] += (p >> 8 & 0xFF) * c;
                        sb[x] += (p & 0xFF) * c;
                    }
                }
            }
            int o = y * w;
            int opaque = 255 << BITS;
            for (int x = 0; x < w; x++) out[o + x] = pack(alpha ? sa[x] : opaque, sr[x], sg[x], sb[x]);
        }
    }

    private static int pack(int a, int r, int g, int b) {
        return clamp(a) << 24 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        v >>= BITS;
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private static int[] premultiply(int[] in) {
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int p = in[i];
            int a = p >>> 24;
            if (a == 255) {
                out[i] = p;
            } else if (a != 0) {
                out[i] = a << 24 | mul(p >> 16 & 0xFF, a) << 16 | mul(p >> 8 & 0xFF, a) << 8 | mul(p & 0xFF, a);
            }
        }
        return out;
    }

    private static int mul(int c, int a) {
        int t = c * a + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** Premultiplied colours back to straight alpha; colour channels cannot exceed alpha after clamping. */
    private static void unpremultiply(int[] px) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 255) continue;
            if (a == 0) {
                px[i] = 0;
                continue;
            }
            int r = Math.min(255, ((p >> 16 & 0xFF) * 255 + a / 2) / a);
            int g = Math.min(255, ((p >> 8 & 0xFF) * 255 + a / 2) / a);
            int b = Math.min(255, ((p & 0xFF) * 255 + a / 2) / a);
            px[i] = a << 24 | r << 16 | g << 8 | b;
        }
    }
}
