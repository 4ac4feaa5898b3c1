package io.pixpool.core;

import static io.pixpool.core.TestImages.GREEN;
import static io.pixpool.core.TestImages.RED;
import static io.pixpool.core.TestImages.WHITE;
import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EXIF orientation 1..8: the stored picture is turned upright before anything else. */
class OrientationTest {

    @TempDir
    Path dir;

    /** Stored 80x40, white, red block at the stored top-left, green block at the stored top-right. */
    private static BufferedImage stored() {
        BufferedImage img = TestImages.filled(80, 40, WHITE);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(RED));
        g.fillRect(0, 0, 16, 12);
        g.setColor(new Color(GREEN));
        g.fillRect(64, 0, 16, 12);
        g.dispose();
        return img;
    }

    /** Centre of the corner block at position TL/TR/BL/BR of an upright w x h image. */
    private static int[] corner(String c, int w, int h) {
        int x = c.charAt(1) == 'L' ? 4 : w - 5;
        int y = c.charAt(0) == 'T' ? 4 : h - 5;
        return new int[] {x, y};
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 80, 40, TL, TR",
        "2, 80, 40, TR, TL",
        "3, 80, 40, BR, BL",
        "4, 80, 40, BL, BR",
        "5, 40, 80, TL, BL",
        "6, 40, 80, TR, BR",
        "7, 40, 80, BR, TR",
        "8, 40, 80, BL, TL"})
    void jpegIsTurnedUpright(int orientation, int w, int h, String red, String green) throws Exception {
        Path src = Files.write(dir.resolve("o" + orientation + ".jpg"), TestImages.jpegWithOrientation(stored(), orientation));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), Jobs.recipe(ResizeSpec.none(), OutputFormat.PNG));
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()}).containsExactly(w, h, w, h);
        BufferedImage img = TestImages.read(e.tempFile());
        int[] r = corner(red, w, h);
        int[] g = corner(green, w, h);
        assertColor(img, r[0], r[1], RED, 40);
        assertColor(img, g[0], g[1], GREEN, 40);
        for (String other : new String[] {"TL", "TR", "BL", "BR"}) {
            if (other.equals(red) || other.equals(green)) continue;
            int[] o = corner(other, w, h);
            assertColor(img, o[0], o[1], WHITE, 12);
        }
    }

    @Test
    void resizeBoxAppliesToTheUprightPicture() throws Exception {
        Path src = Files.write(dir.resolve("six.jpg"), TestImages.jpegWithOrientation(stored(), 6));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), Jobs.recipe(ResizeSpec.fit(20, 20), OutputFormat.PNG));
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()}).containsExactly(40, 80, 10, 20);
        EncodedImage w = Jobs.process(src, dir.resolve("out2"), Jobs.recipe(ResizeSpec.width(20), OutputFormat.PNG));
        assertThat(new int[] {w.width(), w.height()}).containsExactly(20, 40);
    }

    @Test
    void bigRotatedJpegIsSubsampledAlongTheRightSides() throws Exception {
        BufferedImage big = TestImages.filled(1600, 800, WHITE);
        Graphics2D g = big.createGraphics();
        g.setColor(new Color(RED));
        g.fillRect(0, 0, 400, 200);
        g.dispose();
        Path src = Files.write(dir.resolve("big6.jpg"), TestImages.jpegWithOrientation(big, 6));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), Jobs.recipe(ResizeSpec.fit(100, 100), OutputFormat.PNG));
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()}).containsExactly(800, 1600, 50, 100);
        BufferedImage img = TestImages.read(e.tempFile());
        assertColor(img, 45, 5, RED, 30);
        assertColor(img, 5, 5, WHITE, 12);
    }

    @Test
    void pngExifChunkIsHonoured() throws Exception {
        Path src = Files.write(dir.resolve("o8.png"), TestImages.pngWithOrientation(stored(), 8));
        BufferedImage img = new ImagePipeline().render(src, Recipe.defaults());
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(40, 80);
        assertColor(img, 4, 75, RED, 0);
        assertColor(img, 4, 4, GREEN, 0);
    }

    @Test
    void orientationValuesMapOneToEight() {
        for (int v = 1; v <= 8; v++) assertThat(Orientation.of(v).exifValue()).isEqualTo(v);
        assertThat(Orientation.of(0)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.of(9)).isEqualTo(Orientation.NORMAL);
    }
}
