package io.pixpool.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class JpegDecoderTest {

    private static final int[][] SIZES = {{333, 217}, {17, 9}, {1, 1}, {64, 48}};

    static Stream<Arguments> kindsAndSizes() {
        List<Arguments> a = new ArrayList<>();
        for (JpegSamples.Kind k : JpegSamples.ALL) {
            for (int[] s : SIZES) a.add(Arguments.of(k, s[0], s[1]));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("kindsAndSizes")
    void fullSizeMatchesTheJdkReader(JpegSamples.Kind k, int w, int h) throws Exception {
        byte[] jpeg = JpegSamples.encode(JpegSamples.picture(w, h, k.grey()), k, 0.9f);
        JpegDecoder d = new JpegDecoder(jpeg);
        assertThat(d.isProgressive()).isEqualTo(k.progressive());
        assertThat(d.components()).isEqualTo(k.grey() ? 1 : 3);
        BufferedImage img = d.decode(1);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(w, h);
        double[] m = JpegSamples.diff(img, JpegSamples.jdkDecode(jpeg), w, h, 1);
        assertThat(m[0]).as("mean difference").isLessThan(0.5);
        assertThat(m[1]).as("max difference").isLessThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("kindsAndSizes")
    void scaledDecodesMatchTheBoxAveragedFullDecode(JpegSamples.Kind k, int w, int h) throws Exception {
        byte[] jpeg = JpegSamples.encode(JpegSamples.picture(w, h, k.grey()), k, 0.9f);
        int[] ref = JpegSamples.jdkDecode(jpeg);
        for (int scale : new int[] {2, 4, 8}) {
            BufferedImage img = new JpegDecoder(jpeg).decode(scale);
            assertThat(new int[] {img.getWidth(), img.getHeight()}).as("size at 1/" + scale)
                    .containsExactly((w + scale - 1) / scale, (h + scale - 1) / scale);
            double[] m = JpegSamples.diff(img, ref, w, h, scale);
            // a DCT-domain downscale samples the band-limited picture, it does not average boxes (it rings a
            // little at sharp edges), and 1/8 of subsampled chroma is very coarse: on tiny pictures that are
            // nothing but sharp edges the difference is larger than on photo-sized ones
            double tolerance = w >= 100 ? 3 : 7;
            assertThat(m[0]).as("mean difference at 1/" + scale).isLessThan(tolerance);
        }
    }

    /**
     * Restart markers change only how the entropy data is cut, not the coefficients: a progressive file with them
     * (every 7 blocks or MCUs: end-of-band runs, bit buffer and DC predictions start afresh inside the whole-scan
     * loops) must give the same pixels as without, at every scale (the loops also skip correction bits of
     * coefficients a scaled IDCT does not read).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("progressiveKinds")
    void progressiveFilesWithRestartIntervalsDecodeAsWithout(JpegSamples.Kind k) throws Exception {
        BufferedImage picture = JpegSamples.picture(333, 217, k.grey());
        byte[] plain = JpegSamples.encode(picture, k, 0.95f);
        byte[] restarts = JpegSamples.encode(picture,
                new JpegSamples.Kind(k.name() + " restart", k.h(), k.v(), k.grey(), true, 7), 0.95f);
        assertThat(JpegSamples.firstMarker(restarts, 0xDD)).as("restart interval written").isPositive();
        for (int scale : new int[] {1, 2, 4, 8}) {
            int[] a = pixels(new JpegDecoder(plain).decode(scale));
            int[] b = pixels(new JpegDecoder(restarts).decode(scale));
            assertThat(a).as("1/" + scale).isEqualTo(b);
        }
    }

    static Stream<JpegSamples.Kind> progressiveKinds() {
        return Stream.of(JpegSamples.PROGRESSIVE_420, JpegSamples.PROGRESSIVE_444, JpegSamples.PROGRESSIVE_422,
                JpegSamples.PROGRESSIVE_GREY);
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /**
     * Decodes at any eighth (3/8 is used between 1/4 and 1/2; subsampled chroma then gets 6 samples per block, or 3
     * in a direction it is not subsampled in) have the right size for every kind of file, and on photo-sized
     * pictures they sit in order between the power-of-two ones: the more samples per block, the closer to the full
     * decode sampled at the sample centres (the band limit drops less detail).
     */
    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("kindsAndSizes")
    void fractionalDecodesWorkForEveryKind(JpegSamples.Kind k, int w, int h) throws Exception {
        byte[] jpeg = JpegSamples.encode(JpegSamples.picture(w, h, k.grey()), k, 0.9f);
        int[] ref = JpegSamples.jdkDecode(jpeg);
        double[] mean = new double[9];
        for (int n = 2; n <= 7; n++) {
            BufferedImage img = new JpegDecoder(jpeg).decodeEighths(n, null);
            int dw = JpegDecoder.eighths(w, n);
            int dh = JpegDecoder.eighths(h, n);
            assertThat(new int[] {img.getWidth(), img.getHeight()}).as(n + "/8").containsExactly(dw, dh);
            double sum = 0;
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < dw; x++) {
                    int sx = Math.min(w - 1, (int) ((x + 0.5) * 8 / n));
                    int sy = Math.min(h - 1, (int) ((y + 0.5) * 8 / n));
                    int p = img.getRGB(x, y);
                    int q = ref[sy * w + sx];
                    for (int c = 0; c < 24; c += 8) sum += Math.abs((p >> c & 255) - (q >> c & 255));
                }
            }
            mean[n] = sum / (3.0 * dw * dh);
        }
        if (w < 100) return; // tiny pictures of sharp edges: no order to expect
        for (int n = 3; n <= 7; n++) {
            assertThat(mean[n]).as("%d/8 against %d/8", n, n - 1).isLessThan(mean[n - 1]);
        }
        assertThat(mean[3]).as("3/8 on a photo-like picture").isLessThan(9.5);
    }

    /** One scan per component: the decoder keeps all coefficients and converts at the end. */
    @Test
    void baselineWithAScanPerComponent() throws Exception {
        byte[] jpeg = JpegSamples.scanPerComponent(JpegSamples.picture(150, 101, true));
        int scans = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) scans++;
        }
        assertThat(scans).isEqualTo(3);
        JpegDecoder d = new JpegDecoder(jpeg);
        assertThat(d.isProgressive()).isFalse();
        int[] ref = JpegSamples.jdkDecode(jpeg);
        assertThat(JpegSamples.diff(d.decode(1), ref, 150, 101, 1)[0]).isLessThan(0.5);
        // Cb = Cr = Y makes a picture of extreme colours, where scaling errors are amplified: a looser bound
        assertThat(JpegSamples.diff(new JpegDecoder(jpeg).decode(4), ref, 150, 101, 4)[0]).isLessThan(6);
    }

    @Test
    void scaledDecodeOfAFlatColourIsThatColour() throws Exception {
        BufferedImage flat = new BufferedImage(100, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 100; x++) flat.setRGB(x, y, 0x3080C0);
        }
        for (JpegSamples.Kind k : new JpegSamples.Kind[] {JpegSamples.BASELINE_420, JpegSamples.PROGRESSIVE_420}) {
            byte[] jpeg = JpegSamples.encode(flat, k, 0.95f);
            for (int scale : new int[] {1, 2, 4, 8}) {
                BufferedImage img = new JpegDecoder(jpeg).decode(scale);
                int p = img.getRGB(img.getWidth() / 2, img.getHeight() / 2);
                assertThat(Math.abs((p >> 16 & 255) - 0x30)).as(k + " red at 1/" + scale).isLessThanOrEqualTo(3);
                assertThat(Math.abs((p >> 8 & 255) - 0x80)).as(k + " green at 1/" + scale).isLessThanOrEqualTo(3);
                assertThat(Math.abs((p & 255) - 0xC0)).as(k + " blue at 1/" + scale).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void truncatedDataIsAnErrorNotAGreyPicture() {
        for (JpegSamples.Kind k : new JpegSamples.Kind[] {JpegSamples.BASELINE_420, JpegSamples.PROGRESSIVE_420,
            JpegSamples.BASELINE_RESTART, JpegSamples.PROGRESSIVE_RESTART}) {
            byte[] full = JpegSamples.encode(JpegSamples.picture(200, 150, false), k, 0.9f);
            for (int scale : new int[] {1, 8}) {
                byte[] cut = Arrays.copyOf(full, full.length * 6 / 10);
                assertThatThrownBy(() -> new JpegDecoder(cut).decode(scale)).as(k + " at 1/" + scale)
                        .isExactlyInstanceOf(JpegException.class).hasMessageContaining("premature end");
            }
        }
    }

    @Test
    void progressiveFileCutBetweenScansIsAnError() {
        byte[] full = JpegSamples.encode(JpegSamples.picture(120, 80, false), JpegSamples.PROGRESSIVE_420, 0.9f);
        int lastScan = -1;
        for (int i = 2; i + 1 < full.length; i++) {
            if ((full[i] & 0xFF) == 0xFF && (full[i + 1] & 0xFF) == 0xDA) lastScan = i;
        }
        byte[] cut = Arrays.copyOf(full, lastScan);
        assertThatThrownBy(() -> new JpegDecoder(cut).decode(1)).isExactlyInstanceOf(JpegException.class)
                .hasMessageContaining("premature end of file");
    }

    @Test
    void missingEndMarkerAfterCompleteDataIsFine() throws Exception {
        for (JpegSamples.Kind k : new JpegSamples.Kind[] {JpegSamples.BASELINE_420, JpegSamples.PROGRESSIVE_420}) {
            byte[] full = JpegSamples.encode(JpegSamples.picture(90, 70, false), k, 0.9f);
            byte[] noEoi = Arrays.copyOf(full, full.length - 2);
            BufferedImage img = new JpegDecoder(noEoi).decode(1);
            double[] m = JpegSamples.diff(img, JpegSamples.jdkDecode(full), 90, 70, 1);
            assertThat(m[0]).as(k.toString()).isLessThan(0.5);
        }
    }

    @Test
    void headerCutShortIsAnError() {
        byte[] full = JpegSamples.encode(JpegSamples.picture(50, 50, false), JpegSamples.BASELINE_420, 0.9f);
        byte[] cut = Arrays.copyOf(full, 100);
        assertThatThrownBy(() -> new JpegDecoder(cut).decode(1)).isExactlyInstanceOf(JpegException.class);
        assertThatThrownBy(() -> new JpegDecoder(new byte[] {1, 2, 3, 4, 5})).hasMessage("not a JPEG");
    }

    /** Random damage to the entropy data must end in a JpegException or a picture, never in another exception. */
    @Test
    void garbledDataFailsCleanlyOrDecodes() {
        Random rnd = new Random(7);
        for (JpegSamples.Kind k : new JpegSamples.Kind[] {JpegSamples.BASELINE_420, JpegSamples.PROGRESSIVE_420,
            JpegSamples.PROGRESSIVE_RESTART}) {
            byte[] good = JpegSamples.encode(JpegSamples.picture(64, 40, false), k, 0.9f);
            for (int round = 0; round < 150; round++) {
                byte[] bad = good.clone();
                int damage = 1 + rnd.nextInt(20);
                for (int i = 0; i < damage; i++) {
                    int at = 200 + rnd.nextInt(bad.length - 200);
                    bad[at] = (byte) (rnd.nextInt(4) == 0 ? 0xFF : rnd.nextInt(256));
                }
                int scale = 1 << rnd.nextInt(4);
                try {
                    BufferedImage img = new JpegDecoder(bad).decode(scale);
                    assertThat(img.getWidth()).isEqualTo((64 + scale - 1) / scale);
                } catch (JpegException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }
}
