package io.pixpool.core;

import static io.pixpool.core.TestImages.BLUE;
import static io.pixpool.core.TestImages.GREEN;
import static io.pixpool.core.TestImages.RED;
import static io.pixpool.core.TestImages.WHITE;
import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each resize mode through the real pipeline, on a 400x200 PNG with coloured quadrants. */
class ResizeModesTest {

    @TempDir
    Path dir;
    Path src;
    Path out;

    @BeforeEach
    void source() {
        src = TestImages.write(TestImages.quadrants(400, 200), "png", dir.resolve("in/q.png"));
        out = dir.resolve("out");
    }

    private BufferedImage run(ResizeSpec spec) throws ImageException {
        return Jobs.runAndRead(src, out, Jobs.recipe(spec, OutputFormat.PNG).withOutput(
                OutputSpec.defaults().withFormat(OutputFormat.PNG).withOnConflict(ConflictPolicy.OVERWRITE)));
    }

    private static void assertQuadrants(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        assertColor(img, w / 4, h / 4, RED, 8);
        assertColor(img, 3 * w / 4, h / 4, GREEN, 8);
        assertColor(img, w / 4, 3 * h / 4, BLUE, 8);
        assertColor(img, 3 * w / 4, 3 * h / 4, WHITE, 8);
    }

    @Test
    void fit() throws Exception {
        BufferedImage img = run(ResizeSpec.fit(100, 100));
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(img.getHeight()).isEqualTo(50);
        assertQuadrants(img);
    }

    @Test
    void fitNeverEnlargesUnlessAsked() throws Exception {
        BufferedImage img = run(ResizeSpec.fit(1000, 1000));
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(200);
        img = run(ResizeSpec.fit(1000, 1000).withUpscale(true));
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(500);
        assertQuadrants(img);
    }

    @Test
    void exactStretches() throws Exception {
        BufferedImage img = run(ResizeSpec.exact(100, 100));
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(img.getHeight()).isEqualTo(100);
        assertQuadrants(img);
    }

    @Test
    void fillScalesAndCropsTheCentre() throws Exception {
        // 400x200 -> cover 100x100 = 200x100, crop the middle 100 columns: quadrant edge at x = 50
        BufferedImage img = run(ResizeSpec.fill(100, 100));
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(img.getHeight()).isEqualTo(100);
        assertColor(img, 5, 25, RED, 8);
        assertColor(img, 45, 25, RED, 8);
        assertColor(img, 55, 25, GREEN, 8);
        assertColor(img, 95, 75, WHITE, 8);
    }

    @Test
    void widthHeightPercentLongEdge() throws Exception {
        BufferedImage img = run(ResizeSpec.width(100));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(100, 50);
        img = run(ResizeSpec.height(50));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(100, 50);
        img = run(ResizeSpec.percent(50));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(200, 100);
        img = run(ResizeSpec.longEdge(80));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(80, 40);
        assertQuadrants(img);
        img = run(ResizeSpec.percent(200));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(400, 200);
        img = run(ResizeSpec.percent(200).withUpscale(true));
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(800, 400);
        img = run(ResizeSpec.none());
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(400, 200);
        assertQuadrants(img);
    }

    @Test
    void everyQualityGivesTheSizeAndColours() throws Exception {
        for (ScaleQuality q : ScaleQuality.values()) {
            BufferedImage img = Jobs.runAndRead(src, out.resolve(q.name()),
                    Jobs.recipe(ResizeSpec.fit(60, 60), OutputFormat.PNG).withQuality(q));
            assertThat(img.getWidth()).as(q.name()).isEqualTo(60);
            assertThat(img.getHeight()).as(q.name()).isEqualTo(30);
            assertQuadrants(img);
        }
    }

    @Test
    void defaultQualityAveragesFineDetailInsteadOfAliasing() throws Exception {
        // one-pixel black/white checkerboard: a good shrink turns it mid-grey; a jagged one-step shrink would
        // pick single pixels and stay black and white
        BufferedImage board = new BufferedImage(999, 999, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 999; y++) {
            for (int x = 0; x < 999; x++) board.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
        }
        Path p = TestImages.write(board, "png", dir.resolve("board.png"));
        BufferedImage img = Jobs.runAndRead(p, out, Jobs.recipe(ResizeSpec.fit(140, 140), OutputFormat.PNG));
        assertThat(img.getWidth()).isEqualTo(140);
        for (int y = 2; y < 138; y += 7) {
            for (int x = 2; x < 138; x += 7) assertColor(img, x, y, 0x808080, 20);
        }
    }

    @Test
    void alphaEdgesDoNotDarkenWhenShrinking() throws Exception {
        Path p = TestImages.write(TestImages.halfTransparent(400, 200, WHITE), "png", dir.resolve("a.png"));
        BufferedImage img = Jobs.runAndRead(p, out, Jobs.recipe(ResizeSpec.fit(101, 101), OutputFormat.PNG));
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        for (int x = 0; x < img.getWidth(); x++) {
            if (TestImages.alpha(img, x, 20) > 10) assertColor(img, x, 20, WHITE, 3);
        }
        assertThat(TestImages.alpha(img, 5, 20)).isZero();
        assertThat(TestImages.alpha(img, 95, 20)).isEqualTo(255);
    }
}
