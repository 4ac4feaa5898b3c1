package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JPEGs decoded at 1/2, 1/4, 1/8 in the DCT domain and resized with Lanczos3 at their true geometry. */
class ScaledJpegDecodeTest {

    @TempDir
    Path dir;

    /** A smooth photo-like picture: gradients and waves, no sharp edges (which the JPEG coding itself would blur). */
    private static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (int) (128 + 90 * Math.sin(x / 37.0) * Math.cos(y / 53.0));
                int g = 40 + 170 * x / w;
                int b = (int) (128 + 100 * Math.sin((x + 2 * y) / 71.0));
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    @Test
    void scaleKeepsSevenQuartersOfTheOutputSize() {
        assertThat(ImageDecoder.dctScale(2560, 1600, 500, 313)).isEqualTo(2);
        assertThat(ImageDecoder.dctScale(1920, 1200, 500, 313)).isEqualTo(2);
        assertThat(ImageDecoder.dctScale(1280, 800, 500, 313)).isEqualTo(1);
        assertThat(ImageDecoder.dctScale(3500, 3500, 500, 500)).as("875 = 1.75 x 500").isEqualTo(4);
        assertThat(ImageDecoder.dctScale(3499, 3500, 500, 500)).isEqualTo(2);
        assertThat(ImageDecoder.dctScale(20000, 20000, 100, 100)).isEqualTo(8);
    }

    @Test
    void threeEighthsFillTheGapBetweenAQuarterAndAHalf() {
        assertThat(ImageDecoder.dctEighths(2560, 1600, 500, 313)).as("960 >= 875").isEqualTo(3);
        assertThat(ImageDecoder.dctEighths(1920, 1200, 500, 313)).as("720 < 875").isEqualTo(4);
        assertThat(ImageDecoder.dctEighths(1280, 800, 500, 313)).isEqualTo(8);
        assertThat(ImageDecoder.dctEighths(3500, 3500, 500, 500)).as("875 = 1.75 x 500").isEqualTo(2);
        assertThat(ImageDecoder.dctEighths(3499, 3500, 500, 500)).isEqualTo(3);
        assertThat(ImageDecoder.dctEighths(20000, 20000, 100, 100)).isEqualTo(1);
    }

    /** Decodes at n/8 sample the picture at the centres of the n parts of each block: close to the full decode there. */
    @Test
    void fractionalDecodesSampleTheFullDecodeAtTheirCentres() throws Exception {
        BufferedImage pic = picture(803, 601);
        Path file = Files.write(dir.resolve("f.jpg"), TestImages.jpegBytes(pic, 0.95f, false));
        BufferedImage full = Pixels.toIntRgb(ImageIO.read(file.toFile()));
        for (int n : new int[] {3, 5, 6, 7}) {
            BufferedImage img = io.pixpool.core.jpeg.FastJpeg.decodeEighths(file, n);
            assertThat(new int[] {img.getWidth(), img.getHeight()}).as(n + "/8")
                    .containsExactly((803 * n + 7) / 8, (601 * n + 7) / 8);
            double sum = 0;
            int count = 0;
            for (int y = 2; y < img.getHeight() - 2; y++) {
                for (int x = 2; x < img.getWidth() - 2; x++) {
                    double fx = (x + 0.5) * 8 / n - 0.5;
                    double fy = (y + 0.5) * 8 / n - 0.5;
                    for (int s = 0; s < 24; s += 8) {
                        sum += Math.abs((img.getRGB(x, y) >> s & 255) - bilinear(full, fx, fy, s));
                        count++;
                    }
                }
            }
            assertThat(sum / count).as("mean difference at " + n + "/8").isLessThan(1.5);
        }
    }

    private static double bilinear(BufferedImage img, double fx, double fy, int shift) {
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        double top = (1 - ax) * (img.getRGB(x0, y0) >> shift & 255) + ax * (img.getRGB(x0 + 1, y0) >> shift & 255);
        double bottom = (1 - ax) * (img.getRGB(x0, y0 + 1) >> shift & 255)
                + ax * (img.getRGB(x0 + 1, y0 + 1) >> shift & 255);
        return (1 - ay) * top + ay * bottom;
    }

    @Test
    void baselineJpegIsDecodedScaledAndResizedCloseToLanczosOfTheFullDecode() throws Exception {
        BufferedImage pic = picture(1600, 1200);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = TestImages.jpegBytes(pic, 0.95f, progressive);
            Path file = Files.write(dir.resolve(progressive + ".jpg"), jpeg);
            BufferedImage full = Pixels.toIntRgb(ImageIO.read(new ByteArrayInputStream(jpeg)));
            BufferedImage expect = Resampler.resize(full, 200, 150, Resampler.Kernel.LANCZOS3);
            try (ImageDecoder dec = ImageDecoder.open(file, Long.MAX_VALUE)) {
                BufferedImage img = dec.decode(1, 200, 150);
                assertThat(new int[] {img.getWidth(), img.getHeight()}).as("decoded at 1/4").containsExactly(400, 300);
                assertThat(dec.source()).isEqualTo(Resampler.Source.blocks(1600, 1200, 4));
            }
            BufferedImage out = new ImagePipeline().render(file, Recipe.defaults().withResize(ResizeSpec.fit(200, 200)));
            assertThat(io.pixpool.testing.TestImages.meanDifference(out, expect)).as("progressive " + progressive).isLessThan(1.0);
        }
    }

    @Test
    void fullSizeBaselineStaysWithTheJdkReader() throws Exception {
        byte[] jpeg = TestImages.jpegBytes(picture(300, 200), 0.9f, false);
        Path file = Files.write(dir.resolve("small.jpg"), jpeg);
        try (ImageDecoder dec = ImageDecoder.open(file, Long.MAX_VALUE)) {
            BufferedImage img = dec.decode(1, 250, 160);
            assertThat(img.getWidth()).isEqualTo(300);
            assertThat(dec.source()).isEqualTo(new Resampler.Source(300, 200, 1));
            assertThat(io.pixpool.testing.TestImages.meanDifference(img, Pixels.toIntRgb(ImageIO.read(new ByteArrayInputStream(jpeg))))).isZero();
        }
    }

    /**
     * A bad Huffman code in the data: libjpeg carries on (a warning, some garbled blocks), and so does the
     * pipeline, as it did before scaled baseline decodes were done here. A cut file is still an error.
     */
    @Test
    void damagedDataIsLeftToTheJdkReader() throws Exception {
        byte[] jpeg = TestImages.jpegBytes(picture(1600, 1200), 0.9f, false);
        Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(200, 200));
        int decoded = 0;
        for (int k = 1; k <= 19; k++) {
            int p = (int) (jpeg.length * (0.5 + k * 0.025));
            while (jpeg[p - 1] == (byte) 0xFF || jpeg[p] == (byte) 0xFF) p++;
            byte[] bad = jpeg.clone();
            bad[p] = (byte) 0xFF; // 0xFF 0x00 0xFF 0x00: sixteen one-bits, longer than any code here
            bad[p + 1] = 0;
            bad[p + 2] = (byte) 0xFF;
            bad[p + 3] = 0;
            Path file = Files.write(dir.resolve("bad" + k + ".jpg"), bad);
            try {
                assertThat(new ImagePipeline().render(file, r).getWidth()).isEqualTo(200);
                decoded++;
            } catch (ImageException e) {
                assertThat(e.getMessage()).as("the JDK reader's verdict").contains("premature end");
            }
        }
        assertThat(decoded).as("damaged files decoded as libjpeg does").isPositive();
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ImagePipeline().render(cut, r))
                .isInstanceOf(ImageException.class).hasMessageContaining("truncated");
    }
}
