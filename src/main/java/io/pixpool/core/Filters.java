package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.RescaleOp;
import java.util.List;
import org.imgscalr.Scalr;

/**
 * The recipe's filters, applied in order to INT_RGB/ARGB images. Turns and flips are imgscalr's; brightness and
 * contrast are {@link RescaleOp}s; sharpen and blur are {@link ConvolveOp}s on an edge-extended copy (so borders
 * are filtered too); grayscale and sepia are per-pixel colour matrices. Alpha is kept as it is.
 */
final class Filters {

    private Filters() {
    }

    static BufferedImage apply(BufferedImage img, List<FilterStep> steps) {
        BufferedImage out = img;
        for (FilterStep s : steps) out = apply(out, s);
        return out;
    }

    /** Whether the steps turn the image by a quarter in total (so width and height trade places). */
    static boolean quarterTurn(List<FilterStep> steps) {
        boolean turned = false;
        for (FilterStep s : steps) {
            if (s.kind() == FilterKind.ROTATE && (s.value() == 90 || s.value() == 270)) turned = !turned;
        }
        return turned;
    }

    static BufferedImage apply(BufferedImage img, FilterStep step) {
        BufferedImage src = Pixels.toIntRgb(img);
        double v = step.value();
        switch (step.kind()) {
            case GRAYSCALE: return matrix(src, new double[] {
                0.299, 0.587, 0.114,
                0.299, 0.587, 0.114,
                0.299, 0.587, 0.114});
            case SEPIA: return matrix(src, new double[] {
                0.393, 0.769, 0.189,
                0.349, 0.686, 0.168,
                0.272, 0.534, 0.131});
            case BRIGHTNESS: return rescale(src, (float) (1 + v / 100), 0f);
            case CONTRAST: {
                float f = (float) (1 + v / 100);
                return rescale(src, f, 128f * (1 - f));
            }
            case SHARPEN: return convolve(src, sharpenKernel(v), null);
            case BLUR: {
                Kernel[] k = gaussian((int) Math.round(v));
                return convolve(src, k[0], k[1]);
            }
            case ROTATE: return Scalr.rotate(src, v == 90 ? Scalr.Rotation.CW_90
                    : v == 180 ? Scalr.Rotation.CW_180 : Scalr.Rotation.CW_270);
            case FLIP_H: return Scalr.rotate(src, Scalr.Rotation.FLIP_HORZ);
            case FLIP_V: return Scalr.rotate(src, Scalr.Rotation.FLIP_VERT);
            default: throw new IllegalArgumentException("unknown filter " + step.kind());
        }
    }

    /** Each output colour channel is a weighted sum of r, g, b (row-major 3x3), clamped to 0..255. */
    private static BufferedImage matrix(BufferedImage img, double[] m) {
        BufferedImage src = Pixels.plain(img);
        BufferedImage dst = Pixels.blank(src, src.getWidth(), src.getHeight());
        int[] in = Pixels.data(src);
        int[] out = Pixels.data(dst);
        int[] w = new int[9];
        for (int i = 0; i < 9; i++) w[i] = (int) Math.round(m[i] * 1024);
        boolean alpha = src.getColorModel().hasAlpha();
        for (int i = 0; i < in.length; i++) {
            int p = in[i];
            int r = p >> 16 & 0xFF;
            int g = p >> 8 & 0xFF;
            int b = p & 0xFF;
            int nr = clamp((w[0] * r + w[1] * g + w[2] * b + 512) >> 10);
            int ng = clamp((w[3] * r + w[4] * g + w[5] * b + 512) >> 10);
            int nb = clamp((w[6] * r + w[7] * g + w[8] * b + 512) >> 10);
            out[i] = (alpha ? p & 0xFF000000 : 0xFF000000) | nr << 16 | ng << 8 | nb;
        }
        return dst;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** {@code c * scale + offset} on the colour channels (not alpha), saturating. */
    private static BufferedImage rescale(BufferedImage src, float scale, float offset) {
        return new RescaleOp(scale, offset, null).filter(src, null);
    }

    /** Laplacian sharpen: strength 1 is the classic [0 -1 0; -1 5 -1; 0 -1 0]. */
    private static Kernel sharpenKernel(double strength) {
        float s = (float) strength;
        return new Kernel(3, 3, new float[] {0, -s, 0, -s, 1 + 4 * s, -s, 0, -s, 0});
    }

    /** A separable Gaussian reaching {@code radius} pixels each way (sigma = radius / 2). */
    private static Kernel[] gaussian(int radius) {
        int n = 2 * radius + 1;
        double sigma = Math.max(0.5, radius / 2.0);
        float[] k = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = i - radius;
            k[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
            sum += k[i];
        }
        // ConvolveOp truncates: a sum a hair above 1 keeps flat areas at their value instead of one level darker
        double norm = sum / (1 + 1.0 / 512);
        for (int i = 0; i < n; i++) k[i] /= (float) norm;
        return new Kernel[] {new Kernel(n, 1, k), new Kernel(1, n, k.clone())};
    }

    /** Convolves with {@code first} then (if given) {@code second}, extending edge pixels outwards first. */
    private static BufferedImage convolve(BufferedImage src, Kernel first, Kernel second) {
        int pad = Math.max(first.getWidth(), first.getHeight()) / 2;
        if (second != null) pad = Math.max(pad, Math.max(second.getWidth(), second.getHeight()) / 2);
        BufferedImage img = extendEdges(src, pad);
        img = new ConvolveOp(first, ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        if (second != null) img = new ConvolveOp(second, ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        BufferedImage out = Pixels.blank(src, src.getWidth(), src.getHeight());
        out.setData(img.getRaster().createChild(pad, pad, src.getWidth(), src.getHeight(), 0, 0, null));
        return out;
    }

    /** A copy with a border of {@code pad} pixels repeating the nearest edge pixel. */
    private static BufferedImage extendEdges(BufferedImage img, int pad) {
        BufferedImage src = Pixels.plain(img);
        int w = src.getWidth();
        int h = src.getHeight();
        int pw = w + 2 * pad;
        int ph = h + 2 * pad;
        BufferedImage dst = Pixels.blank(src, pw, ph);
        int[] in = Pixels.data(src);
        int[] out = Pixels.data(dst);
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(h - 1, Math.max(0, y - pad)) * w;
            int o = y * pw;
            for (int x = 0; x < pad; x++) out[o + x] = in[sy];
            System.arraycopy(in, sy, out, o + pad, w);
            for (int x = pad + w; x < pw; x++) out[o + x] = in[sy + w - 1];
        }
        return dst;
    }
}
