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

    /** A camera-like EXIF block (little-endian, Exif and GPS IFDs, a thumbnail) in a JPEG: read without a library. */
    @Test
    void littleEndianCameraExifIsHonoured() throws Exception {
        byte[] tiff = MetaSamples.exif(java.nio.ByteOrder.LITTLE_ENDIAN, 6, 80, 40,
                TestImages.jpegBytes(TestImages.filled(16, 8, WHITE), 0.8f, false));
        Path src = Files.write(dir.resolve("le6.jpg"),
                TestImages.insertAfterSoi(TestImages.jpegBytes(stored(), 0.95f, false), MetaSamples.exifSegment(tiff)));
        BufferedImage img = new ImagePipeline().render(src, Recipe.defaults());
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(40, 80);
        assertColor(img, 35, 4, RED, 40);
        assertColor(img, 35, 75, GREEN, 40);
    }

    /** A TIFF file carries the tag in its own first IFD. */
    @Test
    void tiffOrientationTagIsHonoured() throws Exception {
        java.nio.ByteOrder order = java.nio.ByteOrder.BIG_ENDIAN;
        BufferedImage pic = stored();
        byte[] pixels = new byte[80 * 40 * 3];
        for (int i = 0; i < 80 * 40; i++) {
            int p = pic.getRGB(i % 80, i / 80);
            pixels[3 * i] = (byte) (p >> 16);
            pixels[3 * i + 1] = (byte) (p >> 8);
            pixels[3 * i + 2] = (byte) p;
        }
        MetaSamples.Ifd ifd = new MetaSamples.Ifd()
                .add(0x0100, 3, 1, MetaSamples.shorts(order, 80))
                .add(0x0101, 3, 1, MetaSamples.shorts(order, 40))
                .add(0x0102, 3, 3, MetaSamples.shorts(order, 8, 8, 8))
                .add(0x0103, 3, 1, MetaSamples.shorts(order, 1))
                .add(0x0106, 3, 1, MetaSamples.shorts(order, 2))
                .pointer(0x0111, pixels)
                .add(0x0112, 3, 1, MetaSamples.shorts(order, 8))
                .add(0x0115, 3, 1, MetaSamples.shorts(order, 3))
                .add(0x0116, 3, 1, MetaSamples.shorts(order, 40))
                .add(0x0117, 4, 1, MetaSamples.longs(order, pixels.length));
        Path src = Files.write(dir.resolve("o8.tif"),
                MetaSamples.tiff(order, java.util.List.of(ifd), java.util.Map.of(), java.util.List.of(pixels)));
        BufferedImage img = new ImagePipeline().render(src, Recipe.defaults());
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(40, 80);
        assertColor(img, 4, 75, RED, 0);
        assertColor(img, 4, 4, GREEN, 0);
    }

    /** IFD0's orientation entry in either byte order, as SHORT or LONG; damaged or foreign blocks mean upright. */
    @Test
    void exifBlocksAreReadDefensively() {
        for (java.nio.ByteOrder order : new java.nio.ByteOrder[] {java.nio.ByteOrder.BIG_ENDIAN,
                java.nio.ByteOrder.LITTLE_ENDIAN}) {
            byte[] camera = MetaSamples.exif(order, 5, 80, 40, new byte[] {1, 2, 3});
            assertThat(ExifRewriter.orientation(camera)).isEqualTo(5);
            MetaSamples.Ifd asLong = new MetaSamples.Ifd().add(0x0112, 4, 1, MetaSamples.longs(order, 7));
            assertThat(ExifRewriter.orientation(MetaSamples.tiff(order, java.util.List.of(asLong), java.util.Map.of(),
                    java.util.List.of()))).isEqualTo(7);
            MetaSamples.Ifd none = new MetaSamples.Ifd().add(0x010F, 2, 4, MetaSamples.ascii("abc"));
            assertThat(ExifRewriter.orientation(MetaSamples.tiff(order, java.util.List.of(none), java.util.Map.of(),
                    java.util.List.of()))).isZero();
        }
        byte[] good = TestImages.exifTiff(6);
        assertThat(ExifRewriter.orientation(good)).isEqualTo(6);
        // cut inside the entry after the orientation (no next-IFD pointer): what was read still counts
        byte[] twoEntries = MetaSamples.tiff(java.nio.ByteOrder.BIG_ENDIAN, java.util.List.of(new MetaSamples.Ifd()
                .add(0x0112, 3, 1, MetaSamples.shorts(java.nio.ByteOrder.BIG_ENDIAN, 3))
                .add(0x0131, 2, 4, MetaSamples.ascii("abc"))), java.util.Map.of(), java.util.List.of());
        assertThat(ExifRewriter.orientation(java.util.Arrays.copyOf(twoEntries, 8 + 2 + 12 + 6))).isEqualTo(3);
        byte[] farIfd = good.clone();
        farIfd[4] = 0x7F; // IFD0 offset past the end
        assertThat(ExifRewriter.orientation(farIfd)).isZero();
        byte[] badMagic = good.clone();
        badMagic[3] = 43;
        assertThat(ExifRewriter.orientation(badMagic)).isZero();
        assertThat(ExifRewriter.orientation(java.util.Arrays.copyOf(good, 9))).isZero();
        assertThat(ExifRewriter.orientation("not a tiff block".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isZero();
        assertThat(ExifRewriter.orientation(null)).isZero();
    }

    /** A JPEG whose EXIF block is damaged is processed upright, not failed. */
    @Test
    void damagedExifMeansUpright() throws Exception {
        byte[] tiff = TestImages.exifTiff(6);
        tiff[4] = 0x7F;
        Path src = Files.write(dir.resolve("bad.jpg"),
                TestImages.insertAfterSoi(TestImages.jpegBytes(stored(), 0.95f, false), MetaSamples.exifSegment(tiff)));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), Jobs.recipe(ResizeSpec.none(), OutputFormat.PNG));
        assertThat(new int[] {e.width(), e.height()}).containsExactly(80, 40);
    }

    @Test
    void orientationValuesMapOneToEight() {
        for (int v = 1; v <= 8; v++) assertThat(Orientation.of(v).exifValue()).isEqualTo(v);
        assertThat(Orientation.of(0)).isEqualTo(Orientation.NORMAL);
        assertThat(Orientation.of(9)).isEqualTo(Orientation.NORMAL);
    }
}
