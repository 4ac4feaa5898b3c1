package io.pixpool.core;

import static io.pixpool.core.TestImages.BLUE;
import static io.pixpool.core.TestImages.GREEN;
import static io.pixpool.core.TestImages.RED;
import static io.pixpool.core.TestImages.WHITE;
import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputFormatsTest {

    @TempDir
    Path dir;

    private Recipe recipe(OutputFormat f) {
        return Recipe.defaults().withResize(ResizeSpec.fit(100, 100))
                .withOutput(OutputSpec.defaults().withFormat(f).withQuality(95));
    }

    private static String formatOf(Path p) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            return r.getFormatName().toLowerCase();
        }
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = "SAME", mode = EnumSource.Mode.EXCLUDE)
    void eachFormatRoundTrips(OutputFormat f) throws Exception {
        Path src = TestImages.write(TestImages.quadrants(200, 100), "png", dir.resolve("q.png"));
        Path out = Jobs.run(src, dir.resolve("out"), recipe(f));
        assertThat(out.getFileName().toString()).isEqualTo("q." + f.extension());
        assertThat(formatOf(out)).isIn(f.imageIoName(), f == OutputFormat.JPG ? "jpg" : f.imageIoName(),
                f == OutputFormat.TIFF ? "tif" : f.imageIoName());
        BufferedImage img = TestImages.read(out);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(100, 50);
        int tol = f == OutputFormat.JPG || f == OutputFormat.WEBP ? 24 : 0;
        assertColor(img, 20, 10, RED, tol);
        assertColor(img, 80, 10, GREEN, tol);
        assertColor(img, 20, 40, BLUE, tol);
        assertColor(img, 80, 40, WHITE, tol);
    }

    @Test
    void sameKeepsTheSourceFormatAndFallsBackToPng() throws Exception {
        Path jpg = dir.resolve("a.jpg");
        Files.write(jpg, TestImages.jpegBytes(TestImages.quadrants(64, 64), 0.9f, false));
        Path out = Jobs.run(jpg, dir.resolve("out"), recipe(OutputFormat.SAME));
        assertThat(out.getFileName().toString()).isEqualTo("a.jpg");
        assertThat(formatOf(out)).isEqualTo("jpeg");
        Path webp = TestImages.resource("quadrants-lossless.webp", dir);
        out = Jobs.run(webp, dir.resolve("out"), recipe(OutputFormat.SAME));
        assertThat(out.getFileName().toString()).isEqualTo("quadrants-lossless.png");
        assertThat(formatOf(out)).isEqualTo("png");
    }

    @Test
    void alphaWrittenAsJpegIsFlattenedOntoWhite() throws Exception {
        Path src = TestImages.write(TestImages.halfTransparent(200, 100, RED), "png", dir.resolve("a.png"));
        BufferedImage img = Jobs.runAndRead(src, dir.resolve("out"), recipe(OutputFormat.JPG));
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        assertColor(img, 10, 25, WHITE, 6);
        assertColor(img, 90, 25, RED, 24);
    }

    @Test
    void alphaWrittenAsBmpIsFlattenedOntoTheChosenBackground() throws Exception {
        Path src = TestImages.write(TestImages.halfTransparent(200, 100, RED), "png", dir.resolve("a.png"));
        Recipe r = recipe(OutputFormat.BMP).withOutput(
                OutputSpec.defaults().withFormat(OutputFormat.BMP).withBackground(0x0000FF));
        BufferedImage img = Jobs.runAndRead(src, dir.resolve("out"), r);
        assertColor(img, 10, 25, BLUE, 0);
        assertColor(img, 90, 25, RED, 0);
    }

    @Test
    void semiTransparentPixelsBlendWithTheBackground() throws Exception {
        BufferedImage half = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) half.setRGB(x, y, 0x80000000);   // black at 50 %
        }
        Path src = TestImages.write(half, "png", dir.resolve("h.png"));
        BufferedImage img = Jobs.runAndRead(src, dir.resolve("out"), recipe(OutputFormat.BMP));
        assertColor(img, 5, 5, 0x7F7F7F, 2);
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"PNG", "GIF", "TIFF"})
    void formatsWithAlphaKeepTransparency(OutputFormat f) throws Exception {
        Path src = TestImages.write(TestImages.halfTransparent(200, 100, RED), "png", dir.resolve("a.png"));
        BufferedImage img = Jobs.runAndRead(src, dir.resolve("out"), recipe(f));
        assertThat(TestImages.alpha(img, 10, 25)).isZero();
        assertThat(TestImages.alpha(img, 90, 25)).isEqualTo(255);
        assertColor(img, 90, 25, RED, 0);
    }

    @Test
    void jpegQualityChangesTheFileSize() throws Exception {
        BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) noise.setRGB(x, y, rnd.nextInt(0xFFFFFF));
        }
        Path src = TestImages.write(noise, "png", dir.resolve("n.png"));
        Recipe low = Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(OutputFormat.JPG).withQuality(30));
        Recipe high = Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(OutputFormat.JPG).withQuality(95));
        long lowBytes = Files.size(Jobs.run(src, dir.resolve("low"), low));
        long highBytes = Files.size(Jobs.run(src, dir.resolve("high"), high));
        assertThat(highBytes).isGreaterThan(lowBytes * 2);
    }

    @Test
    void encodedImageReportsSizesAndTheTempFileIsCompleteAndNamedWithThePrefix() throws Exception {
        Path src = TestImages.write(TestImages.quadrants(300, 150), "png", dir.resolve("q.png"));
        Path out = dir.resolve("new/sub");
        EncodedImage e = Jobs.process(src, out, recipe(OutputFormat.PNG));
        assertThat(e.tempFile().getParent()).isEqualTo(out);
        assertThat(e.tempFile().getFileName().toString()).startsWith(Jobs.PREFIX);
        assertThat(TempFiles.isTemp(e.tempFile())).isTrue();
        assertThat(e.bytes()).isEqualTo(Files.size(e.tempFile()));
        assertThat(e.sourceBytes()).isEqualTo(Files.size(src));
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()})
                .containsExactly(300, 150, 100, 50);
        assertThat(TestImages.read(e.tempFile()).getWidth()).isEqualTo(100);
        assertThat(e.fileName()).isEqualTo("q.png");
        assertThat(Files.getPosixFilePermissions(e.tempFile()).toString()).contains("OTHERS_READ");
    }
}
