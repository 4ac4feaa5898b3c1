package io.pixpool.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The IDCTs against the textbook formulas: the full one and the DCT-domain downscales to 1, 3, 4, 5, 6 and 7
 * samples per side sample the block's picture, limited to its lowest N x N coefficients, at the centres of its
 * N x N parts (coefficients outside those play no part); the 2x2 one (libjpeg's reduced IDCT) approximates the
 * averages of the quadrants.
 */
class IdctTest {

    /** The JPEG IDCT of the lowest n x n coefficients, evaluated at sub-block centres (n = 8: the full IDCT). */
    private static int[] expected(int[] coef, int n) {
        int[] out = new int[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i + 0.5) * 8.0 / n - 0.5; // sub-block centre in full-block pixel coordinates
                double y = (j + 0.5) * 8.0 / n - 0.5;
                out[j * n + i] = (int) Math.max(0, Math.min(255, Math.round(picture(coef, x, y, n, n))));
            }
        }
        return out;
    }

    /**
     * The textbook JPEG IDCT of the lowest {@code nu} (across) x {@code nv} (down) coefficients at point
     * {@code (x, y)} of the block (pixel coordinates), level-shifted, neither rounded nor clamped.
     */
    private static double picture(int[] coef, double x, double y, int nu, int nv) {
        double sum = 0;
        for (int v = 0; v < nv; v++) {
            for (int u = 0; u < nu; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                double cv = v == 0 ? Math.sqrt(0.5) : 1;
                sum += cu * cv * coef[v * 8 + u] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                        * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
        }
        return sum / 4 + 128;
    }

    private static int[] randomBlock(Random rnd) {
        int[] coef = new int[64];
        coef[0] = rnd.nextInt(1600) - 800;
        for (int k = 1; k < 64; k++) {
            if (rnd.nextInt(3) == 0) coef[k] = rnd.nextInt(161) - 80;
        }
        return coef;
    }

    /** The square IDCT giving {@code n x n} samples, read back. */
    private static int[] run(int n, int[] coef) {
        byte[] out = new byte[n * 11];
        new Idct().run(n, n, coef.clone(), out, 3, 11);
        int[] px = new int[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) px[j * n + i] = out[3 + j * 11 + i] & 0xFF;
        }
        return px;
    }

    @Test
    void scaledIdctsSampleTheLowFrequencyPictureAtSubBlockCentres() {
        Random rnd = new Random(7);
        for (int n : new int[] {8, 4, 1, 3, 5, 6, 7}) {
            for (int t = 0; t < 500; t++) {
                int[] coef = t % 2 == 0 ? randomBlock(rnd) : sparseBlock(rnd);
                int[] want = expected(coef, n);
                int[] got = run(n, coef);
                for (int p = 0; p < n * n; p++) {
                    assertThat(Math.abs(got[p] - want[p])).as("%d samples, block %d, sample %d", n, t, p)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void coefficientsAboveTheScaledSizePlayNoPart() {
        Random rnd = new Random(11);
        for (int n : new int[] {4, 1, 3, 5, 6, 7}) {
            int[] coef = randomBlock(rnd);
            int[] low = new int[64];
            for (int v = 0; v < n; v++) {
                for (int u = 0; u < n; u++) low[v * 8 + u] = coef[v * 8 + u];
            }
            assertThat(run(n, coef)).as("%d samples", n).containsExactly(run(n, low));
        }
    }

    @Test
    void quarterScaleApproximatesTheQuadrantAveragesOfTheFullIdct() {
        Random rnd = new Random(3);
        int worst = 0;
        for (int t = 0; t < 500; t++) {
            int[] coef = t % 2 == 0 ? randomBlock(rnd) : sparseBlock(rnd);
            int[] full = exactFull(coef);
            int[] got = run(2, coef);
            for (int q = 0; q < 4; q++) {
                int qx = (q & 1) * 4;
                int qy = (q >> 1) * 4;
                double sum = 0;
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) sum += full[(qy + y) * 8 + qx + x];
                }
                worst = Math.max(worst, (int) Math.abs(got[q] - Math.round(sum / 16)));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1);
    }

    /** The full IDCT without clamping (averages of clamped values would differ at the range limits). */
    private static int[] exactFull(int[] coef) {
        int[] out = new int[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) out[y * 8 + x] = (int) Math.round(picture(coef, x, y, 8, 8));
        }
        return out;
    }

    /** A block with a few low coefficients or none: most columns and rows take the passes' all-zero shortcut. */
    private static int[] sparseBlock(Random rnd) {
        int[] coef = new int[64];
        coef[0] = rnd.nextInt(1600) - 800;
        for (int i = rnd.nextInt(4); i > 0; i--) coef[rnd.nextInt(3) * 8 + rnd.nextInt(3)] = rnd.nextInt(161) - 80;
        return coef;
    }

    @Test
    void everySizeAcrossAndDownMatchesTheFormulaInEachDirection() {
        Random rnd = new Random(5);
        int[] sizes = {8, 7, 6, 5, 4, 3, 1};
        for (int sx : sizes) {
            for (int sy : sizes) {
                for (int t = 0; t < 200; t++) {
                    int[] coef = t % 2 == 0 ? randomBlock(rnd) : sparseBlock(rnd);
                    byte[] out = new byte[sy * 9];
                    new Idct().run(sx, sy, coef.clone(), out, 1, 9);
                    for (int j = 0; j < sy; j++) {
                        for (int i = 0; i < sx; i++) {
                            double x = (i + 0.5) * 8.0 / sx - 0.5;
                            double y = (j + 0.5) * 8.0 / sy - 0.5;
                            int want = (int) Math.max(0, Math.min(255, Math.round(picture(coef, x, y, sx, sy))));
                            assertThat(Math.abs((out[1 + j * 9 + i] & 0xFF) - want))
                                    .as("%d x %d, block %d, row %d col %d", sx, sy, t, j, i).isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    /**
     * The decoder hands the IDCT one block buffer for every block and fills in only a block's non-zero coefficients:
     * the IDCT leaves each it reads zero, and the picture of the next block is its own (not mixed with the last).
     */
    @Test
    void theBlockIsLeftZeroWhereTheIdctReadsItForEverySizeAcrossAndDown() {
        Random rnd = new Random(9);
        int[] sizes = {8, 7, 6, 5, 4, 3, 2, 1};
        Idct idct = new Idct();
        for (int sx : sizes) {
            for (int sy : sizes) {
                long used = Idct.usedCoefficients(sx, sy);
                int[] shared = new int[64];
                for (int t = 0; t < 50; t++) {
                    int[] coef = t % 2 == 0 ? randomBlock(rnd) : sparseBlock(rnd);
                    for (int k = 0; k < 64; k++) {
                        int z = EntropyDecoder.ZIGZAG[k];
                        if ((used >>> k & 1) != 0 && coef[z] != 0) shared[z] = coef[z];
                    }
                    byte[] reused = new byte[sy * 9];
                    byte[] fresh = new byte[sy * 9];
                    idct.run(sx, sy, shared, reused, 1, 9);
                    new Idct().run(sx, sy, coef.clone(), fresh, 1, 9);
                    assertThat(reused).as("%d x %d, block %d", sx, sy, t).containsExactly(fresh);
                    for (int k = 0; k < 64; k++) {
                        if ((used >>> k & 1) != 0) {
                            assertThat(shared[EntropyDecoder.ZIGZAG[k]]).as("%d x %d, position %d", sx, sy, k).isZero();
                        }
                    }
                }
            }
        }
    }
}
