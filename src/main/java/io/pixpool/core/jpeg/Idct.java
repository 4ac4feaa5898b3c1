package io.pixpool.core.jpeg;

/**
 * Inverse DCTs on dequantised coefficients (natural order), written as 8-bit samples, by the number of samples
 * per block side they give (8 for the full size, n for n/8 of it).
 * <ul>
 * <li>8x8: libjpeg's accurate integer IDCT (jidctint.c, what the JDK reader uses).</li>
 * <li>4x4 (1/2 size): DCT-domain downscaling, a 4-point IDCT of the block's lowest 4 x 4 coefficients, which
 * samples the block's picture, band-limited to what 4 samples can hold, at the centres of its 2 x 2 sub-blocks
 * (libjpeg 9's scaled IDCTs do the same). Against libjpeg 6's reduced 4x4 IDCT (jidctred.c, used before, which
 * also mixes in the odd high coefficients) it needs 4 instead of 7 column passes and about half the
 * multiplications, with the same picture quality: mean PSNR 37.320 dB against 37.318 on the benchmark corpus
 * (fit 500x500; src/bench/quality.sh).</li>
 * <li>2x2 (1/4 size): libjpeg 6's reduced IDCT, which approximates the average of each 4 x 4 quadrant with the odd
 * coefficients up to 7: a 2-point downscale of the lowest 2 x 2 coefficients alone measured worse on the large
 * photos that get decoded at 1/4 (36.07 dB against 36.11, quality.sh --big).</li>
 * <li>1x1 (1/8 size): the DC term.</li>
 * <li>3x3, 5x5, 6x6, 7x7 and the rectangular mixes: DCT-domain downscaling like the 4x4 one, 3 and 6 written out
 * (3/8 is what the pipeline uses between 1/4 and 1/2, with 6 for its 4:2:0 chroma), 5 and 7 from a matrix.</li>
 * </ul>
 */
final class Idct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_3_624509785 = 29692;
    private static final int FIX_1_272758580 = 10426;
    private static final int FIX_0_850430095 = 6967;
    private static final int FIX_0_720959822 = 5906;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_306562965 = 10703;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    private final int[] ws = new int[64];

    /**
     * The zig-zag positions (bit k: position k) whose coefficients the IDCT for {@code sx} samples across and
     * {@code sy} down reads: all for the full 8, the lowest n x n for the DCT-domain sizes, rows and columns 0, 1,
     * 3, 5, 7 for 2 (libjpeg's reduced 2x2), the DC term for 1. The others do not change the output.
     */
    static long usedCoefficients(int sx, int sy) {
        long m = 0;
        for (int k = 0; k < 64; k++) {
            int z = EntropyDecoder.ZIGZAG[k];
            if (used(sx, z & 7) && used(sy, z >> 3)) m |= 1L << k;
        }
        return m;
    }

    /** Whether the 1-D pass for {@code size} samples reads frequency {@code f} (0..7). */
    private static boolean used(int size, int f) {
        switch (size) {
            case 8: return true;
            case 2: return f == 0 || (f & 1) == 1;
            case 1: return f == 0;
            default: return f < size;
        }
    }

    /**
     * For the sizes without a hand-written pass (3, 5, 6, 7): {@code size} samples of the block's picture limited
     * to its lowest {@code size} frequencies, at the centres of {@code size} equal parts of the block, as in the
     * 4x4 pass: sample j = sum over u of F(u) C(u) sqrt(2) cos((2j + 1) u pi / (2 size)), C(0) = 1/sqrt(2), in
     * CONST_BITS fixed point (libjpeg 9's jidctint.c has the same transforms, hand-factored).
     */
    private static final int[][][] GENERIC = new int[9][][];

    static {
        for (int n : new int[] {3, 5, 6, 7}) {
            int[][] k = new int[n][n];
            for (int j = 0; j < n; j++) {
                for (int u = 0; u < n; u++) {
                    double m = u == 0 ? 1 : Math.sqrt(2) * Math.cos((2 * j + 1) * u * Math.PI / (2 * n));
                    k[j][u] = (int) Math.round(m * (1 << CONST_BITS));
                }
            }
            GENERIC[n] = k;
        }
    }

    /**
     * The IDCT giving {@code sx} samples across and {@code sy} down: the column pass for {@code sy}, then the row
     * pass for {@code sx} (for chroma subsampled in one direction only the two differ). All passes keep libjpeg's
     * intermediate scaling, so the column pass of one size combines with the row pass of another (1 x 1 too: the
     * DC term, (dc + 4) / 8). Small enough for C1 to inline into the block loops.
     *
     * <p>Leaves every coefficient it read zero ({@link #usedCoefficients}, and what a column pass reads beyond it),
     * so the caller's block is ready for the next block's coefficients: a store per coefficient in the pass that
     * reads it instead of a clearing loop afterwards.
     */
    void run(int sx, int sy, int[] in, byte[] out, int off, int stride) {
        columns(sy, sx, in, ws);
        rows(sx, sy, ws, out, off, stride);
    }

    /*
     * The passes, each a loop over the block's columns or rows with the arithmetic written inside it: under the
     * workers' C1 JIT a call is not inlined (only methods under 35 bytes are), and a call per column and row cost
     * about as much as the arithmetic of the small sizes. A column or row whose AC terms the pass reads are all
     * zero (common in photos) is the DC term spread, which is what the arithmetic gives for it too.
     *
     * 3 and 6 are the 3- and 6-point passes of GENERIC written out (the cosines' symmetries: sample n-1-j mirrors
     * sample j, the odd frequencies with their sign flipped), 3 and 9 multiplications instead of 9 and 36.
     */
    private static final int FIX_0_366025404 = 2998;
    private static final int FIX_0_707106781 = 5793;
    private static final int FIX_1_224744871 = 10033;
    private static final int FIX_1_366025404 = 11190;
    private static final int FIX_1_414213562 = 11585;

    /**
     * The column pass for {@code sy} samples down: coefficient rows into rows 0..sy-1 of {@code w}, for the columns
     * the row pass for {@code sx} reads (all 8 for the full 8, columns 0, 1, 3, 5, 7 for 2, else 0..sx-1).
     */
    private static void columns(int sy, int sx, int[] in, int[] w) {
        final int sh = CONST_BITS - PASS1_BITS;
        final int rnd = 1 << (sh - 1);
        int cols = sx == 2 || sx == 8 ? 8 : sx;
        switch (sy) {
            case 8:
                for (int c = 0; c < cols; c++) {
                    if ((in[8 + c] | in[16 + c] | in[24 + c] | in[32 + c] | in[40 + c] | in[48 + c] | in[56 + c])
                            == 0) {
                        int dc = in[c] << PASS1_BITS;
                        in[c] = 0;
                        for (int r = 0; r < 64; r += 8) w[r + c] = dc;
                        continue;
                    }
                    int z2 = in[16 + c];
                    int z3 = in[48 + c];
                    int z1 = (z2 + z3) * FIX_0_541196100;
                    int tmp2 = z1 - z3 * FIX_1_847759065;
                    int tmp3 = z1 + z2 * FIX_0_765366865;
                    int tmp0 = (in[c] + in[32 + c]) << CONST_BITS;
                    int tmp1 = (in[c] - in[32 + c]) << CONST_BITS;
                    int tmp10 = tmp0 + tmp3;
                    int tmp13 = tmp0 - tmp3;
                    int tmp11 = tmp1 + tmp2;
                    int tmp12 = tmp1 - tmp2;
                    tmp0 = in[56 + c];
                    tmp1 = in[40 + c];
                    tmp2 = in[24 + c];
                    tmp3 = in[8 + c];
                    in[c] = 0;
                    in[8 + c] = 0;
                    in[16 + c] = 0;
                    in[24 + c] = 0;
                    in[32 + c] = 0;
                    in[40 + c] = 0;
                    in[48 + c] = 0;
                    in[56 + c] = 0;
                    z1 = tmp0 + tmp3;
                    z2 = tmp1 + tmp2;
                    z3 = tmp0 + tmp2;
                    int z4 = tmp1 + tmp3;
                    int z5 = (z3 + z4) * FIX_1_175875602;
                    tmp0 *= FIX_0_298631336;
                    tmp1 *= FIX_2_053119869;
                    tmp2 *= FIX_3_072711026;
                    tmp3 *= FIX_1_501321110;
                    z1 *= -FIX_0_899976223;
                    z2 *= -FIX_2_562915447;
                    z3 = z3 * -FIX_1_961570560 + z5;
                    z4 = z4 * -FIX_0_390180644 + z5;
                    tmp0 += z1 + z3;
                    tmp1 += z2 + z4;
                    tmp2 += z2 + z3;
                    tmp3 += z1 + z4;
                    w[c] = (tmp10 + tmp3 + rnd) >> sh;
                    w[56 + c] = (tmp10 - tmp3 + rnd) >> sh;
                    w[8 + c] = (tmp11 + tmp2 + rnd) >> sh;
                    w[48 + c] = (tmp11 - tmp2 + rnd) >> sh;
                    w[16 + c] = (tmp12 + tmp1 + rnd) >> sh;
                    w[40 + c] = (tmp12 - tmp1 + rnd) >> sh;
                    w[24 + c] = (tmp13 + tmp0 + rnd) >> sh;
                    w[32 + c] = (tmp13 - tmp0 + rnd) >> sh;
                }
                break;
            case 6:
                for (int c = 0; c < cols; c++) {
                    if ((in[8 + c] | in[16 + c] | in[24 + c] | in[32 + c] | in[40 + c]) == 0) {
                        int dc = in[c] << PASS1_BITS;
                        in[c] = 0;
                        for (int r = 0; r < 48; r += 8) w[r + c] = dc;
                        continue;
                    }
                    int f0 = in[c] << CONST_BITS;
                    int f2 = in[16 + c];
                    int f4 = in[32 + c];
                    int f1 = in[8 + c];
                    int f3 = in[24 + c] << CONST_BITS;
                    int f5 = in[40 + c];
                    in[c] = 0;
                    in[8 + c] = 0;
                    in[16 + c] = 0;
                    in[24 + c] = 0;
                    in[32 + c] = 0;
                    in[40 + c] = 0;
                    int e0 = f0 + f2 * FIX_1_224744871 + f4 * FIX_0_707106781;
                    int e1 = f0 - f4 * FIX_1_414213562;
                    int e2 = f0 - f2 * FIX_1_224744871 + f4 * FIX_0_707106781;
                    int o0 = f1 * FIX_1_366025404 + f3 + f5 * FIX_0_366025404;
                    int o1 = ((f1 - f5) << CONST_BITS) - f3;
                    int o2 = f1 * FIX_0_366025404 - f3 + f5 * FIX_1_366025404;
                    w[c] = (e0 + o0 + rnd) >> sh;
                    w[40 + c] = (e0 - o0 + rnd) >> sh;
                    w[8 + c] = (e1 + o1 + rnd) >> sh;
                    w[32 + c] = (e1 - o1 + rnd) >> sh;
                    w[16 + c] = (e2 + o2 + rnd) >> sh;
                    w[24 + c] = (e2 - o2 + rnd) >> sh;
                }
                break;
            case 4:
                for (int c = 0; c < cols; c++) {
                    if ((in[8 + c] | in[16 + c] | in[24 + c]) == 0) {
                        int dc = in[c] << PASS1_BITS;
                        in[c] = 0;
                        w[c] = dc;
                        w[8 + c] = dc;
                        w[16 + c] = dc;
                        w[24 + c] = dc;
                        continue;
                    }
                    int tmp0 = in[c] << CONST_BITS;
                    int tmp2 = in[16 + c] << CONST_BITS;
                    int e0 = tmp0 + tmp2;
                    int e1 = tmp0 - tmp2;
                    int z1 = in[8 + c];
                    int z3 = in[24 + c];
                    in[c] = 0;
                    in[8 + c] = 0;
                    in[16 + c] = 0;
                    in[24 + c] = 0;
                    int o0 = z1 * FIX_1_306562965 + z3 * FIX_0_541196100;
                    int o1 = z1 * FIX_0_541196100 - z3 * FIX_1_306562965;
                    w[c] = (e0 + o0 + rnd) >> sh;
                    w[24 + c] = (e0 - o0 + rnd) >> sh;
                    w[8 + c] = (e1 + o1 + rnd) >> sh;
                    w[16 + c] = (e1 - o1 + rnd) >> sh;
                }
                break;
            case 3:
                for (int c = 0; c < cols; c++) {
                    int e = in[c] << CONST_BITS;
                    int g = in[16 + c];
                    int f2 = g * FIX_0_707106781;
                    int o = in[8 + c] * FIX_1_224744871;
                    in[c] = 0;
                    in[8 + c] = 0;
                    in[16 + c] = 0;
                    w[c] = (e + f2 + o + rnd) >> sh;
                    w[16 + c] = (e + f2 - o + rnd) >> sh;
                    w[8 + c] = (e - g * FIX_1_414213562 + rnd) >> sh;
                }
                break;
            case 2:
                // libjpeg 6's reduced pass: the even frequencies above 0 play no part
                for (int c = 0; c < cols; c++) {
                    if (sx == 2 && (c == 2 || c == 4 || c == 6)) continue; // not read by the row pass
                    if ((in[8 + c] | in[24 + c] | in[40 + c] | in[56 + c]) == 0) {
                        int dc = in[c] << PASS1_BITS;
                        in[c] = 0;
                        w[c] = dc;
                        w[8 + c] = dc;
                        continue;
                    }
                    int tmp10 = in[c] << (CONST_BITS + 2);
                    int tmp0 = -in[56 + c] * FIX_0_720959822 + in[40 + c] * FIX_0_850430095
                            - in[24 + c] * FIX_1_272758580 + in[8 + c] * FIX_3_624509785;
                    in[c] = 0;
                    in[8 + c] = 0;
                    in[24 + c] = 0;
                    in[40 + c] = 0;
                    in[56 + c] = 0;
                    w[c] = (tmp10 + tmp0 + (rnd << 2)) >> (sh + 2);
                    w[8 + c] = (tmp10 - tmp0 + (rnd << 2)) >> (sh + 2);
                }
                break;
            case 1:
                for (int c = 0; c < cols; c++) {
                    w[c] = in[c] << PASS1_BITS;
                    in[c] = 0;
                }
                break;
            default: {
                // 5 and 7: from the GENERIC matrix
                int[][] k = GENERIC[sy];
                for (int c = 0; c < cols; c++) {
                    for (int j = 0; j < sy; j++) {
                        int[] kj = k[j];
                        int acc = rnd;
                        for (int u = 0; u < sy; u++) acc += kj[u] * in[u * 8 + c];
                        w[j * 8 + c] = acc >> sh;
                    }
                    for (int u = 0; u < sy; u++) in[u * 8 + c] = 0;
                }
            }
        }
    }

    /** The row pass for {@code sx} samples across over rows 0..sy-1 of {@code w}, written as 8-bit samples. */
    private static void rows(int sx, int sy, int[] w, byte[] out, int off, int stride) {
        final int sh = CONST_BITS + PASS1_BITS + 3;
        final int rnd = 1 << (sh - 1);
        final int end = sy * 8;
        switch (sx) {
            case 8:
                for (int r = 0; r < end; r += 8, off += stride) {
                    if ((w[r + 1] | w[r + 2] | w[r + 3] | w[r + 4] | w[r + 5] | w[r + 6] | w[r + 7]) == 0) {
                        flatRow(w[r], out, off, 8);
                        continue;
                    }
                    int z2 = w[r + 2];
                    int z3 = w[r + 6];
                    int z1 = (z2 + z3) * FIX_0_541196100;
                    int tmp2 = z1 - z3 * FIX_1_847759065;
                    int tmp3 = z1 + z2 * FIX_0_765366865;
                    int tmp0 = (w[r] + w[r + 4]) << CONST_BITS;
                    int tmp1 = (w[r] - w[r + 4]) << CONST_BITS;
                    int tmp10 = tmp0 + tmp3;
                    int tmp13 = tmp0 - tmp3;
                    int tmp11 = tmp1 + tmp2;
                    int tmp12 = tmp1 - tmp2;
                    tmp0 = w[r + 7];
                    tmp1 = w[r + 5];
                    tmp2 = w[r + 3];
                    tmp3 = w[r + 1];
                    z1 = tmp0 + tmp3;
                    z2 = tmp1 + tmp2;
                    z3 = tmp0 + tmp2;
                    int z4 = tmp1 + tmp3;
                    int z5 = (z3 + z4) * FIX_1_175875602;
                    tmp0 *= FIX_0_298631336;
                    tmp1 *= FIX_2_053119869;
                    tmp2 *= FIX_3_072711026;
                    tmp3 *= FIX_1_501321110;
                    z1 *= -FIX_0_899976223;
                    z2 *= -FIX_2_562915447;
                    z3 = z3 * -FIX_1_961570560 + z5;
                    z4 = z4 * -FIX_0_390180644 + z5;
                    tmp0 += z1 + z3;
                    tmp1 += z2 + z4;
                    tmp2 += z2 + z3;
                    tmp3 += z1 + z4;
                    out[off] = clamp((tmp10 + tmp3 + rnd) >> sh);
                    out[off + 7] = clamp((tmp10 - tmp3 + rnd) >> sh);
                    out[off + 1] = clamp((tmp11 + tmp2 + rnd) >> sh);
                    out[off + 6] = clamp((tmp11 - tmp2 + rnd) >> sh);
                    out[off + 2] = clamp((tmp12 + tmp1 + rnd) >> sh);
                    out[off + 5] = clamp((tmp12 - tmp1 + rnd) >> sh);
                    out[off + 3] = clamp((tmp13 + tmp0 + rnd) >> sh);
                    out[off + 4] = clamp((tmp13 - tmp0 + rnd) >> sh);
                }
                break;
            case 6:
                for (int r = 0; r < end; r += 8, off += stride) {
                    if ((w[r + 1] | w[r + 2] | w[r + 3] | w[r + 4] | w[r + 5]) == 0) {
                        flatRow(w[r], out, off, 6);
                        continue;
                    }
                    int f0 = w[r] << CONST_BITS;
                    int f2 = w[r + 2];
                    int f4 = w[r + 4];
                    int f1 = w[r + 1];
                    int f3 = w[r + 3] << CONST_BITS;
                    int f5 = w[r + 5];
                    int e0 = f0 + f2 * FIX_1_224744871 + f4 * FIX_0_707106781;
                    int e1 = f0 - f4 * FIX_1_414213562;
                    int e2 = f0 - f2 * FIX_1_224744871 + f4 * FIX_0_707106781;
                    int o0 = f1 * FIX_1_366025404 + f3 + f5 * FIX_0_366025404;
                    int o1 = ((f1 - f5) << CONST_BITS) - f3;
                    int o2 = f1 * FIX_0_366025404 - f3 + f5 * FIX_1_366025404;
                    out[off] = clamp((e0 + o0 + rnd) >> sh);
                    out[off + 5] = clamp((e0 - o0 + rnd) >> sh);
                    out[off + 1] = clamp((e1 + o1 + rnd) >> sh);
                    out[off + 4] = clamp((e1 - o1 + rnd) >> sh);
                    out[off + 2] = clamp((e2 + o2 + rnd) >> sh);
                    out[off + 3] = clamp((e2 - o2 + rnd) >> sh);
                }
                break;
            case 4:
                for (int r = 0; r < end; r += 8, off += stride) {
                    if ((w[r + 1] | w[r + 2] | w[r + 3]) == 0) {
                        flatRow(w[r], out, off, 4);
                        continue;
                    }
                    int tmp0 = w[r] << CONST_BITS;
                    int tmp2 = w[r + 2] << CONST_BITS;
                    int e0 = tmp0 + tmp2;
                    int e1 = tmp0 - tmp2;
                    int z1 = w[r + 1];
                    int z3 = w[r + 3];
                    int o0 = z1 * FIX_1_306562965 + z3 * FIX_0_541196100;
                    int o1 = z1 * FIX_0_541196100 - z3 * FIX_1_306562965;
                    out[off] = clamp((e0 + o0 + rnd) >> sh);
                    out[off + 3] = clamp((e0 - o0 + rnd) >> sh);
                    out[off + 1] = clamp((e1 + o1 + rnd) >> sh);
                    out[off + 2] = clamp((e1 - o1 + rnd) >> sh);
                }
                break;
            case 3:
                for (int r = 0; r < end; r += 8, off += stride) {
                    int e = w[r] << CONST_BITS;
                    int f2 = w[r + 2] * FIX_0_707106781;
                    int o = w[r + 1] * FIX_1_224744871;
                    out[off] = clamp((e + f2 + o + rnd) >> sh);
                    out[off + 2] = clamp((e + f2 - o + rnd) >> sh);
                    out[off + 1] = clamp((e - w[r + 2] * FIX_1_414213562 + rnd) >> sh);
                }
                break;
            case 2:
                for (int r = 0; r < end; r += 8, off += stride) {
                    if ((w[r + 1] | w[r + 3] | w[r + 5] | w[r + 7]) == 0) {
                        flatRow(w[r], out, off, 2);
                        continue;
                    }
                    int tmp10 = w[r] << (CONST_BITS + 2);
                    int tmp0 = -w[r + 7] * FIX_0_720959822 + w[r + 5] * FIX_0_850430095
                            - w[r + 3] * FIX_1_272758580 + w[r + 1] * FIX_3_624509785;
                    out[off] = clamp((tmp10 + tmp0 + (rnd << 2)) >> (sh + 2));
                    out[off + 1] = clamp((tmp10 - tmp0 + (rnd << 2)) >> (sh + 2));
                }
                break;
            case 1:
                for (int r = 0; r < end; r += 8, off += stride) flatRow(w[r], out, off, 1);
                break;
            default: {
                // 5 and 7: from the GENERIC matrix
                int[][] k = GENERIC[sx];
                for (int r = 0; r < end; r += 8, off += stride) {
                    for (int i = 0; i < sx; i++) {
                        int[] ki = k[i];
                        int acc = rnd;
                        for (int u = 0; u < sx; u++) acc += ki[u] * w[r + u];
                        out[off + i] = clamp(acc >> sh);
                    }
                }
            }
        }
    }

    /** A block whose AC coefficients are all zero: every IDCT size gives the same flat value, (dc + 4) / 8. */
    static void fill(int dc, byte[] out, int off, int stride, int w, int h) {
        byte v = clamp((dc + 4) >> 3);
        for (int r = 0; r < h; r++, off += stride) {
            for (int i = 0; i < w; i++) out[off + i] = v;
        }
    }

    private static byte clamp(int x) {
        x += 128;
        return (byte) (x < 0 ? 0 : x > 255 ? 255 : x);
    }

    /** A row of the second pass with only its DC term: {@code n} equal samples. */
    private static void flatRow(int dc, byte[] out, int off, int n) {
        byte v = clamp((dc + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
        for (int i = 0; i < n; i++) out[off + i] = v;
    }
}
