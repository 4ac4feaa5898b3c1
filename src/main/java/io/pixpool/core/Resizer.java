package io.pixpool.core;

import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;

/**
 * Scaling and cropping on INT_RGB/ARGB images (imgscalr is very slow on other types).
 * <p>
 * FAST, BALANCED and ULTRA are imgscalr's SPEED, BALANCED and ULTRA_QUALITY as they are. QUALITY (the default)
 * follows imgscalr's QUALITY scheme (halve until less than 2x away, then one bicubic step) with faster and
 * better-filtered parts: the halvings are exact 2x2 area averages and the last step is a separable bicubic whose
 * kernel widens with the reduction ({@link Resampler}); Java2D's bicubic, which imgscalr uses, costs several
 * times more and does not widen its kernel, so it aliases on the last step.
 */
final class Resizer {

    private Resizer() {
    }

    static Scalr.Method method(ScaleQuality q) {
        switch (q) {
            case FAST: return Scalr.Method.SPEED;
            case BALANCED: return Scalr.Method.BALANCED;
            case ULTRA: return Scalr.Method.ULTRA_QUALITY;
            case QUALITY:
            default: return Scalr.Method.QUALITY;
        }
    }

    /** {@code img} scaled to exactly {@code w x h}. */
    static BufferedImage scale(BufferedImage img, int w, int h, ScaleQuality q) {
        BufferedImage src = Pixels.toIntRgb(img);
        if (q == ScaleQuality.QUALITY) {
            while (src.getWidth() >= 2 * w && src.getHeight() >= 2 * h) src = halve(src);
        }
        if (src.getWidth() == w && src.getHeight() == h) return src;
        if (q == ScaleQuality.QUALITY) return Resampler.resize(src, w, h);
        return Scalr.resize(src, method(q), Scalr.Mode.FIT_EXACT, w, h);
    }

    /**
     * Half the size, each pixel the average of a 2x2 block (an odd last row or column is folded into the block
     * before it). With alpha, colours are weighted by alpha so transparent pixels do not darken edges.
     */
    static BufferedImage halve(BufferedImage img) {
        BufferedImage src = Pixels.plain(img);
        int w = src.getWidth();
        int h = src.getHeight();
        int hw = w / 2;
        int hh = h / 2;
        BufferedImage dst = Pixels.blank(src, hw, hh);
        int[] in = Pixels.data(src);
        int[] out = Pixels.data(dst);
        boolean alpha = src.getColorModel().hasAlpha();
        for (int y = 0; y < hh; y++) {
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            int r2 = y == hh - 1 && (h & 1) == 1 ? r1 + w : -1;
            for (int x = 0; x < hw; x++) {
                int c = 2 * x;
                int c2 = x == hw - 1 && (w & 1) == 1 ? c + 2 : -1;
                out[y * hw + x] = average(in, alpha, r0, r1, r2, c, c2);
            }
        }
        return dst;
    }

    /** Average of rows r0, r1 (and r2 if >= 0) by columns c, c+1 (and c2 if >= 0). */
    private static int average(int[] in, boolean alpha, int r0, int r1, int r2, int c, int c2) {
        long sa = 0;
        long sr = 0;
        long sg = 0;
        long sb = 0;
        int n = 0;
        for (int row = 0; row < 3; row++) {
            int ri = row == 0 ? r0 : row == 1 ? r1 : r2;
            if (ri < 0) continue;
            for (int col = 0; col < 3; col++) {
                int ci = col == 0 ? c : col == 1 ? c + 1 : c2;
                if (ci < 0) continue;
                int p = in[ri + ci];
                int a = alpha ? p >>> 24 : 255;
                sa += a;
                sr += (long) (p >> 16 & 0xFF) * a;
                sg += (long) (p >> 8 & 0xFF) * a;
                sb += (long) (p & 0xFF) * a;
                n++;
            }
        }
        if (sa == 0) return 0;
        int a = (int) ((sa + n / 2) / n);
        return a << 24 | (int) ((sr + sa / 2) / sa) << 16 | (int) ((sg + sa / 2) / sa) << 8 | (int) ((sb + sa / 2) / sa);
    }

    /** The centre {@code w x h} of {@code img} (which must be at least that large). */
    static BufferedImage cropCentre(BufferedImage img, int w, int h) {
        if (img.getWidth() == w && img.getHeight() == h) return img;
        return Scalr.crop(img, (img.getWidth() - w) / 2, (img.getHeight() - h) / 2, w, h);
    }
}
