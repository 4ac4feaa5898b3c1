package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ResizerTest {

    private static BufferedImage rgb(int w, int h, int... pixels) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, pixels, 0, w);
        return img;
    }

    @Test
    void halveAveragesTwoByTwoBlocks() {
        BufferedImage img = rgb(4, 2,
                0x000000, 0x040404, 0xFF0000, 0xFF0000,
                0x080808, 0x0C0C0C, 0x0000FF, 0x0000FF);
        BufferedImage half = Resizer.halve(img);
        assertThat(half.getWidth()).isEqualTo(2);
        assertThat(half.getHeight()).isEqualTo(1);
        assertThat(half.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x060606);
        assertThat(half.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x800080);
    }

    @Test
    void oddLastRowAndColumnAreFoldedIn() {
        BufferedImage img = rgb(3, 3,
                0, 0, 90,
                0, 0, 90,
                90, 90, 90);
        BufferedImage half = Resizer.halve(img);
        assertThat(half.getWidth()).isEqualTo(1);
        assertThat(half.getRGB(0, 0) & 0xFF).isEqualTo(50);   // (5 * 90) / 9
    }

    @Test
    void transparentPixelsDoNotDarkenTheAverage() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFFFF0000);
        BufferedImage half = Resizer.halve(img);
        assertThat(Integer.toHexString(half.getRGB(0, 0))).isEqualTo("40ff0000");
    }

    @Test
    void qualityMapsToImgscalrMethods() {
        assertThat(Resizer.method(ScaleQuality.FAST)).isEqualTo(org.imgscalr.Scalr.Method.SPEED);
        assertThat(Resizer.method(ScaleQuality.BALANCED)).isEqualTo(org.imgscalr.Scalr.Method.BALANCED);
        assertThat(Resizer.method(ScaleQuality.QUALITY)).isEqualTo(org.imgscalr.Scalr.Method.QUALITY);
    }

    @Test
    void ultraIsTheLanczosResamplerAndDoesNotAlias() {
        int n = 300;
        int[] px = new int[n * n];
        for (int i = 0; i < px.length; i++) px[i] = ((i % n + i / n) % 2 == 0) ? 0xFFFFFF : 0x000000;
        BufferedImage checker = rgb(n, n, px);
        BufferedImage out = Resizer.scale(checker, 37, 29, ScaleQuality.ULTRA);
        assertThat(out.getWidth()).isEqualTo(37);
        assertThat(out.getHeight()).isEqualTo(29);
        BufferedImage lanczos = Resampler.resize(checker, 37, 29, Resampler.Kernel.LANCZOS3);
        double sum = 0;
        double sq = 0;
        for (int y = 0; y < 29; y++) {
            for (int x = 0; x < 37; x++) {
                assertThat(out.getRGB(x, y)).isEqualTo(lanczos.getRGB(x, y));
                int g = out.getRGB(x, y) & 0xFF;
                sum += g;
                sq += g * g;
            }
        }
        double mean = sum / (37 * 29);
        double sd = Math.sqrt(sq / (37 * 29) - mean * mean);
        assertThat(mean).isBetween(120.0, 136.0);
        assertThat(sd).as("a 1-px checkerboard shrinks to flat grey, no moire").isLessThan(3.0);
    }
}
