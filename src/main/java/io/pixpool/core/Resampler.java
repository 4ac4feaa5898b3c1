package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Separable bicubic (Catmull-Rom) resampling whose kernel widens with the reduction, so a shrink filters out what
 * the smaller image cannot show instead of aliasing (the approach of Pillow's and libvips' resize). Works on
 * INT_RGB/ARGB; with alpha, colours are weighted by alpha so transparent pixels do not bleed into edges.
 */
final class Resampler {

    private Resampler() {
    }

    /** Contributions of input pixels to each output coordinate along one axis. */
    private static final class Taps {
        final int[] start;
        final int[] count;
        final float[] weights;
        final int max;

        Taps(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(1, scale);
            double support = 2 * filterScale;
            int maxTaps = (int) Math.ceil(support) * 2 + 1;
            start = new int[out];
            count = new int[out];
            weights = new float[out * maxTaps];
            max = maxTaps;
            double[] w = new double[maxTaps];
            for (int o = 0; o < out; o++) {
                double centre = (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in, (int) Math.ceil(centre + support));
                int n = 0;
                double sum = 0;
                for (int i = lo; i < hi && n < maxTaps; i++, n++) {
                    w[n] = cubic((i + 0.5 - centre) / filterScale);
                    sum += w[n];
                }
                start[o] = lo;
                count[o] = n;
                for (int k = 0; k < n; k++) weights[o * maxTaps + k] = (float) (sum == 0 ? 0 : w[k] / sum);
            }
        }
    }

    /** Catmull-Rom cubic (a = -0.5). */
    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        return 0;
    }

    static BufferedImage resize(BufferedImage img, int w, int h) {
        BufferedImage src = Pixels.plain(img);
        int sw = src.getWidth();
        int sh = src.getHeight();
        boolean alpha = src.getColorModel().hasAlpha();
        int[] in = Pixels.data(src);
        // horizontal pass into sh rows x w columns of 8-bit samples (premultiplied by alpha when there is alpha)
        Taps tx = new Taps(sw, w);
        int[] mid = new int[sh * w];
        for (int y = 0; y < sh; y++) {
            int row = y * sw;
            for (int x = 0; x < w; x++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                int base = x * tx.max;
                int s = row + tx.start[x];
                for (int k = 0, n = tx.count[x]; k < n; k++) {
                    int p = in[s + k];
                    float wt = tx.weights[base + k];
                    float pa = alpha ? (p >>> 24) * wt : wt;
                    a += pa;
                    r += (p >> 16 & 0xFF) * pa;
                    g += (p >> 8 & 0xFF) * pa;
                    b += (p & 0xFF) * pa;
                }
                float unit = alpha ? 255f : 1f;
                mid[y * w + x] = (alpha ? clamp(a) : 255) << 24 | clamp(r / unit) << 16 | clamp(g / unit) << 8
                        | clamp(b / unit);
            }
        }
        // vertical pass
        Taps ty = new Taps(sh, h);
        BufferedImage dst = Pixels.blank(src, w, h);
        int[] out = Pixels.data(dst);
        float[] acc = new float[w * 4];
        for (int y = 0; y < h; y++) {
            Arrays.fill(acc, 0f);
            int base = y * ty.max;
            for (int k = 0, n = ty.count[y]; k < n; k++) {
                float wt = ty.weights[base + k];
                int m = (ty.start[y] + k) * w;
                for (int x = 0, i = 0; x < w; x++, i += 4) {
                    int p = mid[m + x];
                    acc[i] += (p >>> 24) * wt;
                    acc[i + 1] += (p >> 16 & 0xFF) * wt;
                    acc[i + 2] += (p >> 8 & 0xFF) * wt;
                    acc[i + 3] += (p & 0xFF) * wt;
                }
            }
            int o = y * w;
            for (int x = 0, i = 0; x < w; x++, i += 4) {
                if (!alpha) {
                    out[o + x] = 0xFF000000 | clamp(acc[i + 1]) << 16 | clamp(acc[i + 2]) << 8 | clamp(acc[i + 3]);
                    continue;
                }
                int a = clamp(acc[i]);
                if (a == 0) {
                    out[o + x] = 0;
                    continue;
                }
                float u = 255f / acc[i];
                out[o + x] = a << 24 | clamp(acc[i + 1] * u) << 16 | clamp(acc[i + 2] * u) << 8 | clamp(acc[i + 3] * u);
            }
        }
        return dst;
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(i, 255);
    }
}
