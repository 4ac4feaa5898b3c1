package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.pixpool.ChildJvm;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs fail with short, clear messages, and never leave a temp file behind. */
class ErrorsTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> failing(Path src, Recipe r) {
        AbstractThrowableAssert<?, ? extends Throwable> a =
                assertThatThrownBy(() -> Jobs.process(src, out(), r)).isInstanceOf(ImageException.class);
        assertNoTempFiles();
        return a;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> failing(Path src) {
        return failing(src, Jobs.recipe(ResizeSpec.fit(50, 50), OutputFormat.PNG));
    }

    private void assertNoTempFiles() {
        if (!Files.isDirectory(out())) return;
        assertThat(TestImages.names(out())).noneMatch(n -> n.startsWith(".pixpool-"));
    }

    private Path jpeg(String name, boolean progressive) throws Exception {
        return Files.write(dir.resolve(name),
                TestImages.jpegBytes(TestImages.quadrants(400, 300), 0.9f, progressive));
    }

    @Test
    void missingFile() {
        failing(dir.resolve("nope.jpg")).hasMessage("file not found");
    }

    @Test
    void folderInsteadOfFile() throws Exception {
        failing(Files.createDirectory(dir.resolve("d.jpg"))).hasMessage("is a folder, not an image file");
    }

    @Test
    void emptyFile() throws Exception {
        failing(Files.createFile(dir.resolve("e.jpg"))).hasMessage("empty file (0 bytes)");
    }

    @Test
    void notAnImage() throws Exception {
        Path p = Files.writeString(dir.resolve("notes.jpg"), "just some text, not a picture\n");
        failing(p).hasMessage("not a recognised image format");
    }

    @Test
    void unreadableFile() throws Exception {
        Path p = jpeg("locked.jpg", false);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        if (!"root".equals(System.getProperty("user.name"))) {
            failing(p).hasMessage("cannot read file: permission denied");
            return;
        }
        // root reads any file: run the pipeline in a child JVM that keeps root but loses the override (setpriv)
        String out = ChildJvm.run(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search"),
                PipelineProbe.class, p.toString(), out().toString());
        assertThat(out.lines().filter(l -> l.startsWith("done:") || l.startsWith("failed:")))
                .containsExactly("failed:cannot read file: permission denied");
        assertThat(out()).satisfiesAnyOf(o -> assertThat(o).doesNotExist(), o -> assertThat(o).isEmptyDirectory());
    }

    @Test
    void truncatedBaselineAndProgressiveJpeg() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] full = Files.readAllBytes(jpeg("full.jpg", progressive));
            Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(full, full.length * 6 / 10));
            failing(cut).hasMessageStartingWith("truncated or corrupt image data");
        }
    }

    @Test
    void jpegCutInsideTheHeader() throws Exception {
        byte[] full = Files.readAllBytes(jpeg("full.jpg", false));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(full, 100));
        failing(cut).hasMessageStartingWith("corrupt");
    }

    @Test
    void truncatedPngGifBmpTiff() throws Exception {
        for (String f : new String[] {"png", "gif", "bmp", "tiff"}) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            ImageIO.write(TestImages.quadrants(300, 200), f, bos);
            byte[] full = bos.toByteArray();
            Path cut = Files.write(dir.resolve("cut." + f), Arrays.copyOf(full, full.length / 2));
            failing(cut).as(f).hasMessageContaining("truncated or corrupt");
        }
    }

    @Test
    void garbledJpegDataFailsOrDecodesButNeverCrashes() throws Exception {
        byte[] b = Files.readAllBytes(jpeg("ok.jpg", false));
        for (int i = b.length / 2; i < b.length / 2 + 200; i++) b[i] = (byte) 0xFF;
        Path bad = Files.write(dir.resolve("garbled.jpg"), b);
        try {
            EncodedImage e = Jobs.process(bad, out(), Jobs.recipe(ResizeSpec.fit(50, 50), OutputFormat.PNG));
            assertThat(e.width()).isEqualTo(50);
        } catch (ImageException expected) {
            assertThat(expected.getMessage()).startsWith("truncated or corrupt image data");
            assertNoTempFiles();
        }
    }

    @Test
    void decompressionBombFailsFromTheHeader() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000));
        failing(bomb).hasMessage("image is 100000x100000 (10000 MP), above the 250 MP limit");
        Path small = TestImages.write(TestImages.quadrants(300, 200), "png", dir.resolve("s.png"));
        failing(small, Recipe.defaults().withMaxPixels(50_000))
                .hasMessage("image is 300x200 (0.1 MP), above the 0.1 MP limit");
    }

    @Test
    void hugeUpscaleIsRefused() throws Exception {
        Path small = TestImages.write(TestImages.quadrants(300, 200), "png", dir.resolve("s.png"));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.percent(10_000).withUpscale(true));
        failing(small, r).hasMessageContaining("output would be 30000x20000");
    }

    @Test
    void outputFolderThatCannotBeCreated() throws Exception {
        Path src = TestImages.write(TestImages.quadrants(30, 20), "png", dir.resolve("s.png"));
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        assertThatThrownBy(() -> Jobs.process(src, blocker.resolve("sub"), Recipe.defaults()))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith("cannot create output folder")
                .hasMessageContaining("blocker");
    }

    @Test
    void encoderFailureRemovesTheTempFileAndSaysWhy() throws Exception {
        // JPEG cannot be wider than 65500 pixels: the encoder fails after the temp file exists
        Path src = TestImages.write(TestImages.filled(65_501, 1, 0x336699), "png", dir.resolve("wide.png"));
        failing(src, Jobs.recipe(ResizeSpec.none(), OutputFormat.JPG))
                .hasMessageStartingWith("cannot write jpg output in " + out())
                .hasMessageContaining("65500");
        assertThat(TestImages.names(out())).isEmpty();
    }

    @Test
    void messagesAreShortAndHaveNoStackTraces() throws Exception {
        Path p = Files.write(dir.resolve("x.png"), "\u0089PNG\r\n\u001a\ngarbage".getBytes(StandardCharsets.ISO_8859_1));
        Throwable t = assertThatThrownBy(() -> Jobs.process(p, out(), Recipe.defaults())).actual();
        assertThat(t).isInstanceOf(ImageException.class);
        assertThat(t.getMessage()).doesNotContain("\n").doesNotContain("\tat ").hasSizeLessThan(200);
    }
}
