package io.pixpool.core;

import static io.pixpool.core.TestImages.RED;
import static io.pixpool.core.TestImages.WHITE;
import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each filter through {@link ImagePipeline#render} on generated PNGs (lossless, so pixels can be checked). */
class FiltersTest {

    @TempDir
    Path dir;

    private BufferedImage render(BufferedImage source, String... filters) throws ImageException {
        Path p = TestImages.write(source, "png", dir.resolve("src-" + System.nanoTime() + ".png"));
        List<FilterStep> steps = Arrays.stream(filters).map(FilterStep::parse).collect(Collectors.toList());
        return new ImagePipeline().render(p, Recipe.defaults().withFilters(steps));
    }

    private static int r(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >> 16 & 0xFF;
    }

    @Test
    void grayscaleMakesChannelsEqual() throws Exception {
        BufferedImage img = render(TestImages.quadrants(40, 40), "grayscale");
        for (int[] xy : new int[][] {{5, 5}, {35, 5}, {5, 35}, {35, 35}}) {
            int p = img.getRGB(xy[0], xy[1]);
            assertThat(p >> 16 & 0xFF).isEqualTo(p >> 8 & 0xFF).isEqualTo(p & 0xFF);
        }
        assertColor(img, 5, 5, 0x4C4C4C, 2);      // red: 0.299 * 255
        assertColor(img, 35, 5, 0x969696, 2);     // green: 0.587 * 255
        assertColor(img, 35, 35, WHITE, 1);
    }

    @Test
    void sepiaTintsGreyWarm() throws Exception {
        BufferedImage img = render(TestImages.filled(10, 10, 0x808080), "sepia");
        int p = img.getRGB(5, 5);
        int r = p >> 16 & 0xFF;
        int g = p >> 8 & 0xFF;
        int b = p & 0xFF;
        assertThat(r).isGreaterThan(g);
        assertThat(g).isGreaterThan(b);
        assertColor(img, 5, 5, 172 << 16 | 153 << 8 | 119, 3);
    }

    @Test
    void brightnessScalesAndSaturates() throws Exception {
        assertColor(render(TestImages.filled(10, 10, 0x646464), "brightness=50"), 5, 5, 0x969696, 1);
        assertColor(render(TestImages.filled(10, 10, 0xC8C8C8), "brightness=50"), 5, 5, 0xFFFFFF, 0);
        assertColor(render(TestImages.filled(10, 10, 0x646464), "brightness=-100"), 5, 5, 0x000000, 0);
        assertColor(render(TestImages.filled(10, 10, 0x646464), "brightness=-50"), 5, 5, 0x323232, 1);
    }

    @Test
    void contrastStretchesAroundMidGrey() throws Exception {
        assertColor(render(TestImages.filled(10, 10, 0x646464), "contrast=100"), 5, 5, 0x484848, 1);  // 100 -> 72
        assertColor(render(TestImages.filled(10, 10, 0xC8C8C8), "contrast=100"), 5, 5, 0xFFFFFF, 0);  // 272 -> 255
        assertColor(render(TestImages.filled(10, 10, 0x646464), "contrast=-100"), 5, 5, 0x808080, 1);
        assertColor(render(TestImages.filled(10, 10, 0x646464), "contrast=-50"), 5, 5, 0x727272, 1);  // 100 -> 114
    }

    @Test
    void brightnessKeepsAlpha() throws Exception {
        BufferedImage img = render(TestImages.halfTransparent(10, 10, 0x646464), "brightness=50");
        assertThat(TestImages.alpha(img, 2, 5)).isZero();
        assertThat(TestImages.alpha(img, 8, 5)).isEqualTo(255);
        assertColor(img, 8, 5, 0x969696, 1);
    }

    /** Left half 100, right half 150 grey. */
    private static BufferedImage step() {
        BufferedImage img = TestImages.filled(40, 20, 0x646464);
        for (int y = 0; y < 20; y++) {
            for (int x = 20; x < 40; x++) img.setRGB(x, y, 0x969696);
        }
        return img;
    }

    @Test
    void sharpenOvershootsAnEdgeAndLeavesFlatAreas() throws Exception {
        BufferedImage img = render(step(), "sharpen=1");
        assertThat(r(img, 19, 10)).isLessThan(100 - 20);
        assertThat(r(img, 20, 10)).isGreaterThan(150 + 20);
        assertThat(r(img, 5, 10)).isEqualTo(100);
        assertThat(r(img, 0, 0)).isEqualTo(100);                  // borders too (edges are extended)
        assertThat(r(img, 39, 19)).isEqualTo(150);
        BufferedImage weak = render(step(), "sharpen=0.2");
        assertThat(r(weak, 19, 10)).isBetween(r(img, 19, 10) + 1, 99);
    }

    @Test
    void sharpenSaturatesInsteadOfWrapping() throws Exception {
        BufferedImage img = TestImages.filled(20, 20, 0);
        for (int y = 0; y < 20; y++) {
            for (int x = 10; x < 20; x++) img.setRGB(x, y, 0xFFFFFF);
        }
        BufferedImage out = render(img, "sharpen=5");
        assertColor(out, 9, 10, 0x000000, 0);
        assertColor(out, 10, 10, 0xFFFFFF, 0);
    }

    @Test
    void blurSoftensAnEdgeButNotFlatAreasOrBorders() throws Exception {
        BufferedImage img = render(step(), "blur=3");
        assertThat(r(img, 19, 10)).isBetween(110, 140);
        assertThat(r(img, 20, 10)).isBetween(110, 140);
        assertThat(r(img, 2, 10)).isEqualTo(100);
        assertThat(r(img, 0, 0)).isEqualTo(100);                  // no dark frame from missing border pixels
        assertThat(r(img, 39, 19)).isEqualTo(150);
        BufferedImage wider = render(step(), "blur=8");
        assertThat(r(wider, 14, 10)).isGreaterThan(r(img, 14, 10));
    }

    @Test
    void rotateTurnsClockwise() throws Exception {
        BufferedImage src = TestImages.markedCorner(80, 40, WHITE, RED);   // red block at top-left 20x10
        BufferedImage r90 = render(src, "rotate=90");
        assertThat(new int[] {r90.getWidth(), r90.getHeight()}).containsExactly(40, 80);
        assertColor(r90, 35, 5, RED, 0);
        assertColor(r90, 5, 5, WHITE, 0);
        BufferedImage r180 = render(src, "rotate=180");
        assertThat(new int[] {r180.getWidth(), r180.getHeight()}).containsExactly(80, 40);
        assertColor(r180, 75, 35, RED, 0);
        assertColor(r180, 5, 5, WHITE, 0);
        BufferedImage r270 = render(src, "rotate=270");
        assertThat(new int[] {r270.getWidth(), r270.getHeight()}).containsExactly(40, 80);
        assertColor(r270, 5, 75, RED, 0);
        assertColor(r270, 5, 5, WHITE, 0);
    }

    @Test
    void flipsMirror() throws Exception {
        BufferedImage src = TestImages.markedCorner(80, 40, WHITE, RED);
        BufferedImage h = render(src, "fliph");
        assertColor(h, 75, 5, RED, 0);
        assertColor(h, 5, 5, WHITE, 0);
        BufferedImage v = render(src, "flipv");
        assertColor(v, 5, 35, RED, 0);
        assertColor(v, 5, 5, WHITE, 0);
    }

    @Test
    void filtersRunInRecipeOrder() throws Exception {
        BufferedImage src = TestImages.markedCorner(80, 40, WHITE, RED);
        // rotate then flip: top-left -> top-right -> top-left; flip then rotate: top-left -> top-right -> bottom-right
        BufferedImage a = render(src, "rotate=90", "fliph");
        assertColor(a, 5, 5, RED, 0);
        BufferedImage b = render(src, "fliph", "rotate=90");
        assertColor(b, 35, 75, RED, 0);
        // brightness then grayscale differs from grayscale then brightness only by rounding; contrast vs
        // brightness does not commute
        BufferedImage c = render(TestImages.filled(4, 4, 0x646464), "brightness=50", "contrast=100");
        BufferedImage d = render(TestImages.filled(4, 4, 0x646464), "contrast=100", "brightness=50");
        assertColor(c, 1, 1, 0xAC_ACAC, 1);   // 100 -> 150 -> 172
        assertColor(d, 1, 1, 0x6C6C6C, 1);    // 100 -> 72 -> 108
    }

    @Test
    void rotateChangesTheNamedOutputSize() throws Exception {
        Path src = TestImages.write(TestImages.markedCorner(80, 40, WHITE, RED), "png", dir.resolve("r.png"));
        Recipe r = Recipe.defaults().withFilters(List.of(FilterStep.parse("rotate=270")))
                .withOutput(OutputSpec.defaults().withNamePattern("{name}-{w}x{h}"));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), r);
        assertThat(e.fileName()).isEqualTo("r-40x80.png");
        assertThat(new int[] {e.width(), e.height()}).containsExactly(40, 80);
    }
}
