package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static BufferedImage image(int w, int h, int type, java.util.function.IntBinaryOperator px) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, px.applyAsInt(x, y));
        }
        return img;
    }

    private static int red(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >> 16 & 0xFF;
    }

    @Test
    void flatColourStaysExactlyFlat() {
        BufferedImage img = image(333, 217, BufferedImage.TYPE_INT_RGB, (x, y) -> 0x3C7AB4);
        for (Resampler.Kernel k : Resampler.Kernel.values()) {
            BufferedImage out = Resampler.resize(img, 101, 67, k);
            for (int y = 0; y < 67; y++) {
                for (int x = 0; x < 101; x++) assertThat(out.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x3C7AB4);
            }
        }
    }

    @Test
    void outputSizeIsExactForOddSizes() {
        BufferedImage img = image(333, 217, BufferedImage.TYPE_INT_RGB, (x, y) -> x * 7 ^ y * 13);
        BufferedImage out = Resampler.resize(img, 101, 67, Resampler.Kernel.LANCZOS3);
        assertThat(out.getWidth()).isEqualTo(101);
        assertThat(out.getHeight()).isEqualTo(67);
        BufferedImage up = Resampler.resize(img, 401, 300, Resampler.Kernel.LANCZOS3);
        assertThat(up.getWidth()).isEqualTo(401);
        assertThat(up.getHeight()).isEqualTo(300);
    }

    @Test
    void onePixelCheckerboardShrinksToUniformGrey() {
        BufferedImage img = image(640, 480, BufferedImage.TYPE_INT_RGB,
                (x, y) -> ((x + y) & 1) == 0 ? 0xFFFFFF : 0x000000);
        BufferedImage out = Resampler.resize(img, 173, 131, Resampler.Kernel.LANCZOS3);
        double sum = 0;
        double sq = 0;
        int n = 173 * 131;
        for (int y = 0; y < 131; y++) {
            for (int x = 0; x < 173; x++) {
                int v = red(out, x, y);
                sum += v;
                sq += v * v;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        assertThat(mean).isBetween(120.0, 136.0);
        assertThat(sd).isLessThan(3.0);   // no moire
    }

    @Test
    void sharpEdgeStaysSharpWithLimitedRinging() {
        BufferedImage img = image(400, 40, BufferedImage.TYPE_INT_RGB, (x, y) -> x < 200 ? 0x202020 : 0xE0E0E0);
        BufferedImage out = Resampler.resize(img, 100, 10, Resampler.Kernel.LANCZOS3);
        int transition = 0;
        for (int x = 0; x < 100; x++) {
            int v = red(out, x, 5);
            if (v > 0x20 + 8 && v < 0xE0 - 8) transition++;
            assertThat(v).isBetween(0x20 - 12, 0xE0 + 12);   // ringing stays small
        }
        assertThat(transition).isBetween(1, 3);
        assertThat(red(out, 10, 5)).isEqualTo(0x20);
        assertThat(red(out, 90, 5)).isEqualTo(0xE0);
    }

    @Test
    void transparentAreaNextToRedLeavesNoDarkFringe() {
        BufferedImage img = image(300, 30, BufferedImage.TYPE_INT_ARGB, (x, y) -> x < 150 ? 0x00000000 : 0xFFFF0000);
        BufferedImage out = Resampler.resize(img, 97, 11, Resampler.Kernel.LANCZOS3);
        for (int x = 0; x < 97; x++) {
            int p = out.getRGB(x, 5);
            int a = p >>> 24;
            if (a >= 16) {
                assertThat(p >> 16 & 0xFF).as("red at x=%d alpha %d", x, a).isGreaterThan(230);
                assertThat(p >> 8 & 0xFF).isLessThan(20);
            }
        }
        assertThat(out.getRGB(5, 5) >>> 24).isZero();
        assertThat(out.getRGB(90, 5)).isEqualTo(0xFFFF0000);
    }

    @Test
    void pointSampledSourceIsFilteredAtItsTruePositions() {
        // a smooth wave; decoders that keep every 4th pixel store pixel i * 4 as pixel i (a 1.5 pixel shift
        // if filtered as if it were the centre of its 4-pixel block)
        BufferedImage full = image(1000, 8, BufferedImage.TYPE_INT_RGB,
                (x, y) -> 0x10101 * (int) Math.round(128 + 120 * Math.sin(2 * Math.PI * x / 100)));
        BufferedImage sampled = image(250, 2, BufferedImage.TYPE_INT_RGB, (x, y) -> full.getRGB(x * 4, y * 4));
        BufferedImage expect = Resampler.resize(full, 100, 1, Resampler.Kernel.LANCZOS3);
        BufferedImage exact = Resampler.resize(sampled, 100, 1, Resampler.Kernel.LANCZOS3,
                new Resampler.Source(1000, 8, 4));
        BufferedImage naive = Resampler.resize(sampled, 100, 1, Resampler.Kernel.LANCZOS3);
        int exactErr = 0;
        int naiveErr = 0;
        for (int x = 10; x < 90; x++) {
            exactErr = Math.max(exactErr, Math.abs(red(exact, x, 0) - red(expect, x, 0)));
            naiveErr = Math.max(naiveErr, Math.abs(red(naive, x, 0) - red(expect, x, 0)));
        }
        assertThat(exactErr).isLessThanOrEqualTo(2);
        assertThat(naiveErr).isGreaterThan(5);
    }

    @Test
    void blockSourceGeometryCentresEachSampleOnItsBlock() {
        Resampler.Axis ax = Resampler.Source.blocks(1001, 600, 4).x();
        assertThat(ax.size()).isEqualTo(251);
        assertThat(ax.first()).isEqualTo(2.0);
        assertThat(ax.spacing()).isEqualTo(4.0);
        assertThat(new Resampler.Source(1001, 600, 4).x().first()).isEqualTo(0.5);
    }

    @Test
    void rgbBytesFromTheJdkReaderAreResizedDirectlyToTheSamePixelsAsTheirIntRgbCopy() {
        java.util.Random rnd = new java.util.Random(7);
        BufferedImage rgb = image(301, 203, BufferedImage.TYPE_INT_RGB,
                (x, y) -> ((x * 5 + y) & 0xFF) << 16 | ((x ^ y) & 0xFF) << 8 | rnd.nextInt(256));
        BufferedImage bytes = Pixels.toRgbBytes(rgb);
        assertThat(Pixels.isRgbBytes(bytes)).isTrue();
        assertThat(Pixels.isRgbBytes(rgb)).isFalse();
        Resampler.Source geometry = Resampler.Source.blocks(602, 406, 2);
        for (Resampler.Source src : new Resampler.Source[] {null, geometry}) {
            BufferedImage a = Resampler.resize(rgb, 97, 61, Resampler.Kernel.LANCZOS3, src);
            BufferedImage b = Resampler.resize(bytes, 97, 61, Resampler.Kernel.LANCZOS3, src);
            assertThat(b.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(Pixels.data(b)).isEqualTo(Pixels.data(a));
            assertThat(Pixels.data(Resizer.scale(bytes, 97, 61, ScaleQuality.QUALITY, src)))
                    .isEqualTo(Pixels.data(a));
        }
        // no resize, or another quality method: converted to INT_RGB as before
        BufferedImage same = Resizer.scale(bytes, 301, 203, ScaleQuality.QUALITY, null);
        assertThat(Pixels.isIntRgb(same)).isTrue();
        assertThat(java.util.Arrays.stream(Pixels.data(Pixels.plain(same))).map(p -> p & 0xFFFFFF).toArray())
                .isEqualTo(java.util.Arrays.stream(Pixels.data(rgb)).map(p -> p & 0xFFFFFF).toArray());
        assertThat(Pixels.isIntRgb(Resizer.scale(bytes, 97, 61, ScaleQuality.FAST, null))).isTrue();
    }

    /**
     * The packed path filters R, G and B in one long: each channel must come out as if filtered alone (and within 3
     * levels of the unpacked path's arithmetic, one int per channel), also where
     * Lanczos overshoots below 0 and above 255 next to hard edges (clamped) and the channels overshoot in opposite
     * directions side by side.
     */
    @Test
    void packedChannelsComeOutAsIfEachWereFilteredAlone() {
        java.util.Random rnd = new java.util.Random(11);
        int[][] planes = new int[3][320 * 200];
        for (int i = 0; i < planes[0].length; i++) {
            int x = i % 320;
            int y = i / 320;
            planes[0][i] = (x / 7 + y / 5) % 2 == 0 ? 255 : 0;     // hard edges both ways
            planes[1][i] = 255 - planes[0][i];                      // the opposite overshoot beside it
            planes[2][i] = rnd.nextInt(256);
        }
        BufferedImage all = image(320, 200, BufferedImage.TYPE_INT_RGB,
                (x, y) -> planes[0][y * 320 + x] << 16 | planes[1][y * 320 + x] << 8 | planes[2][y * 320 + x]);
        for (Resampler.Source src : new Resampler.Source[] {null, Resampler.Source.blocks(640, 400, 2)}) {
            BufferedImage out = Resampler.resize(all, 111, 73, Resampler.Kernel.LANCZOS3, src);
            boolean clampedLow = false;
            boolean clampedHigh = false;
            for (int c = 0; c < 3; c++) {
                int[] plane = planes[c];
                BufferedImage grey = image(320, 200, BufferedImage.TYPE_INT_RGB,
                        (x, y) -> plane[y * 320 + x] * 0x010101);
                BufferedImage alone = Resampler.resize(grey, 111, 73, Resampler.Kernel.LANCZOS3, src);
                // the same picture with an (opaque) alpha channel takes the unpacked path, one int per channel
                BufferedImage opaque = image(320, 200, BufferedImage.TYPE_INT_ARGB,
                        (x, y) -> 0xFF000000 | plane[y * 320 + x] * 0x010101);
                BufferedImage unpacked = Resampler.resize(opaque, 111, 73, Resampler.Kernel.LANCZOS3, src);
                int shift = 16 - 8 * c;
                for (int y = 0; y < 73; y++) {
                    for (int x = 0; x < 111; x++) {
                        int v = out.getRGB(x, y) >> shift & 0xFF;
                        assertThat(v).as("channel %d at %d,%d", c, x, y).isEqualTo(alone.getRGB(x, y) & 0xFF);
                        assertThat(v).as("channel %d at %d,%d", c, x, y)
                                .isCloseTo(unpacked.getRGB(x, y) & 0xFF, org.assertj.core.api.Assertions.within(3));
                        clampedLow |= v == 0;
                        clampedHigh |= v == 255;
                    }
                }
            }
            assertThat(clampedLow).isTrue();
            assertThat(clampedHigh).isTrue();
        }
    }

    /**
     * The streaming resize (rows handed over one by one, output rows made from a ring of a few filtered rows) - the
     * path of every opaque resize, whole image or fed by a decoder - gives the same pixels whether it is fed by hand
     * or through {@link Resampler#resize}, and stays within 3 levels of the unpacked arithmetic (one int per channel,
     * no ring) for reductions of every strength, enlargements and one-row outputs.
     */
    @Test
    void streamingResizeMatchesTheUnpackedArithmeticForEverySize() {
        java.util.Random rnd = new java.util.Random(3);
        BufferedImage img = image(173, 131, BufferedImage.TYPE_INT_RGB, (x, y) -> rnd.nextInt(1 << 24));
        BufferedImage opaque = image(173, 131, BufferedImage.TYPE_INT_ARGB, (x, y) -> 0xFF000000 | img.getRGB(x, y));
        for (int[] size : new int[][] {{80, 60}, {17, 9}, {5, 1}, {173, 40}, {60, 131}, {300, 250}, {173, 131}}) {
            Resampler.Streaming s = Resampler.streaming(173, 131, size[0], size[1], Resampler.Kernel.LANCZOS3, null);
            for (int y = 0; y < 131; y++) {
                long[] row = s.row(y);
                for (int x = 0; x < 173; x++) {
                    int p = img.getRGB(x, y);
                    row[x] = (long) (p >> 16 & 0xFF) << 42 | (long) (p >> 8 & 0xFF) << 21 | (p & 0xFF);
                }
                s.rowDone(y);
            }
            BufferedImage streamed = s.finish();
            assertThat(Pixels.data(streamed)).as("%dx%d", size[0], size[1])
                    .isEqualTo(Pixels.data(Resampler.resize(img, size[0], size[1], Resampler.Kernel.LANCZOS3)));
            BufferedImage unpacked = Resampler.resize(opaque, size[0], size[1], Resampler.Kernel.LANCZOS3);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    for (int shift = 0; shift <= 16; shift += 8) {
                        assertThat(streamed.getRGB(x, y) >> shift & 0xFF).as("%dx%d at %d,%d", size[0], size[1], x, y)
                                .isCloseTo(unpacked.getRGB(x, y) >> shift & 0xFF,
                                        org.assertj.core.api.Assertions.within(3));
                    }
                }
            }
        }
    }

    /** Weights are shared between resizes of the same geometry, and only of the same geometry. */
    @Test
    void weightsAreSharedExactlyForTheSameGeometry() {
        Resampler.Axis axis = new Resampler.Axis(2560, 960, 4.0 / 3, 8.0 / 3);
        Resampler.Weights w = Resampler.Weights.of(axis, 500, Resampler.Kernel.LANCZOS3, 11);
        assertThat(Resampler.Weights.of(new Resampler.Axis(2560, 960, 4.0 / 3, 8.0 / 3), 500,
                Resampler.Kernel.LANCZOS3, 11)).isSameAs(w);
        assertThat(Resampler.Weights.of(new Resampler.Axis(2561, 960, 4.0 / 3, 8.0 / 3), 500,
                Resampler.Kernel.LANCZOS3, 11)).isNotSameAs(w);
        assertThat(Resampler.Weights.of(new Resampler.Axis(2560, 960, 4.0 / 3 + 1e-9, 8.0 / 3), 500,
                Resampler.Kernel.LANCZOS3, 11)).isNotSameAs(w);
        assertThat(Resampler.Weights.of(new Resampler.Axis(2560, 960, 4.0 / 3, 8.0 / 3 + 1e-9), 500,
                Resampler.Kernel.LANCZOS3, 11)).isNotSameAs(w);
        assertThat(Resampler.Weights.of(axis, 501, Resampler.Kernel.LANCZOS3, 11)).isNotSameAs(w);
        assertThat(Resampler.Weights.of(axis, 500, Resampler.Kernel.LANCZOS3, 12)).isNotSameAs(w);
        for (Resampler.Kernel k : Resampler.Kernel.values()) {
            if (k != Resampler.Kernel.LANCZOS3) assertThat(Resampler.Weights.of(axis, 500, k, 11)).isNotSameAs(w);
        }
    }
}
