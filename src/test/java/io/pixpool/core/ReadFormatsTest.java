package io.pixpool.core;

import static io.pixpool.core.TestImages.BLUE;
import static io.pixpool.core.TestImages.GREEN;
import static io.pixpool.core.TestImages.RED;
import static io.pixpool.core.TestImages.WHITE;
import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source kind the issue lists, decoded by the real pipeline ({@link ImagePipeline#render}). */
class ReadFormatsTest {

    @TempDir
    Path dir;

    private static BufferedImage render(Path p) throws ImageException {
        return new ImagePipeline().render(p, Recipe.defaults());
    }

    private static void assertQuadrants(BufferedImage img, int tol) {
        int w = img.getWidth();
        int h = img.getHeight();
        assertColor(img, w / 4, h / 4, RED, tol);
        assertColor(img, 3 * w / 4, h / 4, GREEN, tol);
        assertColor(img, w / 4, 3 * h / 4, BLUE, tol);
        assertColor(img, 3 * w / 4, 3 * h / 4, WHITE, tol);
    }

    @Test
    void baselineAndProgressiveJpeg() throws Exception {
        Path base = Files.write(dir.resolve("b.jpg"), TestImages.jpegBytes(TestImages.quadrants(64, 48), 0.95f, false));
        Path prog = Files.write(dir.resolve("p.jpg"), TestImages.jpegBytes(TestImages.quadrants(64, 48), 0.95f, true));
        assertQuadrants(render(base), 24);
        BufferedImage p = render(prog);
        assertThat(new int[] {p.getWidth(), p.getHeight()}).containsExactly(64, 48);
        assertQuadrants(p, 24);
    }

    @Test
    void progressiveJpegIsDecodedToItsLastScan() throws Exception {
        // one-pixel stripes live only in the last AC scans; a picture rendered after the first (DC) scan is flat
        BufferedImage stripes = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0x000000);
        }
        Path p = Files.write(dir.resolve("stripes.jpg"), TestImages.jpegBytes(stripes, 0.98f, true));
        BufferedImage img = render(p);
        for (int x = 10; x < 50; x += 2) {
            int bright = img.getRGB(x, 30) & 0xFF;
            int dark = img.getRGB(x + 1, 30) & 0xFF;
            assertThat(bright - dark).as("contrast at x=" + x).isGreaterThan(150);
        }
    }

    @Test
    void greyJpegKeepsItsLevels() throws Exception {
        BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 32, 32, 0, filledArray(32 * 32, 128));
        Path p = Files.write(dir.resolve("g.jpg"), TestImages.jpegBytes(grey, 0.95f, false));
        assertColor(render(p), 16, 16, 0x808080, 2);
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws Exception {
        Path p = Files.write(dir.resolve("cmyk.jpg"), TestImages.cmykJpeg(64, 32));
        BufferedImage img = render(p);
        assertThat(img.getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
        assertColor(img, 8, 16, 0x00FFFF, 60);    // cyan
        assertColor(img, 56, 16, 0xFF0000, 60);   // magenta + yellow = red
    }

    @Test
    void sixteenBitRgbPng() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                r.setPixel(x, y, x < 20 ? new int[] {65535, 0, 0} : new int[] {0x8080, 0x8080, 0x8080});
            }
        }
        Path p = TestImages.write(new BufferedImage(cm, r, false, null), "png", dir.resolve("rgb16.png"));
        assertThat(Files.readAllBytes(p)[24]).as("PNG bit depth").isEqualTo((byte) 16);
        BufferedImage img = render(p);
        assertColor(img, 5, 5, RED, 0);
        assertColor(img, 30, 5, 0x808080, 1);
    }

    @Test
    void sixteenBitGreyPngIsNotWashedOut() throws Exception {
        BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSamples(0, 0, 20, 20, 0, filledArray(400, 0x8080));
        Path p = TestImages.write(grey, "png", dir.resolve("g16.png"));
        assertColor(render(p), 10, 10, 0x808080, 1);
    }

    @Test
    void paletteAndTransparentPalettePng() throws Exception {
        byte[] rr = {(byte) 255, 0, 0, 0};
        byte[] gg = {0, (byte) 255, 0, 0};
        byte[] bb = {0, 0, (byte) 255, 0};
        IndexColorModel icm = new IndexColorModel(8, 4, rr, gg, bb, 3);   // index 3 is transparent
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED, icm);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) img.getRaster().setSample(x, y, 0, x < 10 ? 0 : x < 20 ? 1 : x < 30 ? 2 : 3);
        }
        Path p = TestImages.write(img, "png", dir.resolve("pal.png"));
        assertThat(Files.readAllBytes(p)[25]).as("PNG colour type").isEqualTo((byte) 3);
        BufferedImage out = render(p);
        assertColor(out, 5, 5, RED, 0);
        assertColor(out, 15, 5, GREEN, 0);
        assertColor(out, 25, 5, BLUE, 0);
        assertThat(TestImages.alpha(out, 35, 5)).isZero();
        assertThat(TestImages.alpha(out, 5, 5)).isEqualTo(255);
    }

    @Test
    void interlacedPng() throws Exception {
        ImageWriter w = TestImages.jdkWriter("png");
        ImageWriteParam param = w.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        Path p = dir.resolve("adam7.png");
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(p.toFile())) {
            w.setOutput(ios);
            w.write(null, new IIOImage(TestImages.quadrants(64, 48), null, null), param);
        }
        w.dispose();
        assertThat(Files.readAllBytes(p)[28]).as("PNG interlace method").isEqualTo((byte) 1);
        assertQuadrants(render(p), 0);
    }

    @Test
    void gifUsesTheFirstFrame() throws Exception {
        ImageWriter w = TestImages.jdkWriter("gif");
        Path p = dir.resolve("anim.gif");
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(p.toFile())) {
            w.setOutput(ios);
            w.prepareWriteSequence(null);
            w.writeToSequence(new IIOImage(TestImages.filled(30, 20, RED), null, null), null);
            w.writeToSequence(new IIOImage(TestImages.filled(30, 20, BLUE), null, null), null);
            w.endWriteSequence();
        }
        w.dispose();
        BufferedImage img = render(p);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(30, 20);
        assertColor(img, 15, 10, RED, 0);
    }

    @Test
    void bmpTrueColourAndIndexed() throws Exception {
        BufferedImage bgr = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(TestImages.quadrants(64, 48), 0, 0, null);
        assertQuadrants(render(TestImages.write(bgr, "bmp", dir.resolve("24.bmp"))), 0);
        BufferedImage indexed = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.createGraphics().drawImage(TestImages.quadrants(64, 48), 0, 0, null);
        assertQuadrants(render(TestImages.write(indexed, "bmp", dir.resolve("8.bmp"))), 8);
    }

    @Test
    void tiff() throws Exception {
        assertQuadrants(render(TestImages.write(TestImages.quadrants(64, 48), "tiff", dir.resolve("q.tif"))), 0);
    }

    @Test
    void webpLosslessLossyAndAlpha() throws Exception {
        BufferedImage lossless = render(TestImages.resource("quadrants-lossless.webp", dir));
        assertThat(new int[] {lossless.getWidth(), lossless.getHeight()}).containsExactly(64, 48);
        assertQuadrants(lossless, 0);
        assertQuadrants(render(TestImages.resource("quadrants-lossy.webp", dir)), 24);
        BufferedImage alpha = render(TestImages.resource("half-transparent.webp", dir));
        assertThat(TestImages.alpha(alpha, 10, 20)).isZero();
        assertThat(TestImages.alpha(alpha, 50, 20)).isEqualTo(255);
        assertColor(alpha, 50, 20, RED, 0);
    }

    @Test
    void subsampledJpegDecodeStillGivesTheExactTargetSize() throws Exception {
        Path p = Files.write(dir.resolve("big.jpg"), TestImages.jpegBytes(TestImages.quadrants(4000, 3000), 0.8f, false));
        try (ImageDecoder d = ImageDecoder.open(p, Recipe.DEFAULT_MAX_PIXELS)) {
            int step = ImagePipeline.subsampling(4000, 3000, 500, 375, ImagePipeline.DECODE_HEADROOM);
            assertThat(step).isEqualTo(4);
            BufferedImage decoded = d.decode(step);
            assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).containsExactly(1000, 750);
        }
        EncodedImage e = Jobs.process(p, dir.resolve("out"), Jobs.recipe(ResizeSpec.fit(500, 500), OutputFormat.PNG));
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()})
                .containsExactly(4000, 3000, 500, 375);
        BufferedImage out = TestImages.read(e.tempFile());
        assertThat(new int[] {out.getWidth(), out.getHeight()}).containsExactly(500, 375);
        assertQuadrants(out, 24);
        // 3001 wide does not divide by 4: still exactly the size a full decode would give
        Path odd = Files.write(dir.resolve("odd.jpg"), TestImages.jpegBytes(TestImages.quadrants(3001, 2001), 0.8f, false));
        EncodedImage o = Jobs.process(odd, dir.resolve("out"), Jobs.recipe(ResizeSpec.fit(300, 300), OutputFormat.PNG));
        assertThat(new int[] {o.width(), o.height()}).containsExactly(300, 200);
    }

    private static int[] filledArray(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
