package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Skip if larger than the original" and "JPEG up to N KB" on real encodings. */
class SizeTargetTest {

    @TempDir
    Path dir;

    private static Recipe recipe(OutputFormat f, int quality, SizeTarget t) {
        return Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(f).withQuality(quality)
                .withOptions(OutputOptions.defaults().withSizeTarget(t)));
    }

    private Path noisyJpeg(String name) throws Exception {
        Path src = dir.resolve(name);
        Files.write(src, TestImages.jpegBytes(io.pixpool.testing.TestImages.noise(400, 300, 7), 0.95f, false));
        return src;
    }

    @Test
    void anOutputLargerThanItsSourceIsNotWritten() throws Exception {
        Path src = TestImages.write(TestImages.quadrants(400, 300), "png", dir.resolve("flat.png")); // tiny PNG
        Path out = dir.resolve("out");
        EncodedImage e = Jobs.process(src, out, recipe(OutputFormat.BMP, 85, SizeTarget.none().withSkipIfLarger(true)));
        assertThat(e.skipped()).isTrue();
        assertThat(e.skipReason()).isEqualTo("larger than original");
        assertThat(out).isEmptyDirectory();
        // the same output without the target is written, and is indeed larger
        EncodedImage plain = Jobs.process(src, out, recipe(OutputFormat.BMP, 85, SizeTarget.none()));
        assertThat(plain.bytes()).isGreaterThan(Files.size(src));
    }

    @Test
    void aSmallerOutputIsWrittenDespiteSkipIfLarger() throws Exception {
        Path src = noisyJpeg("n.jpg");
        EncodedImage e = Jobs.process(src, dir.resolve("out"),
                recipe(OutputFormat.JPG, 60, SizeTarget.none().withSkipIfLarger(true)));
        assertThat(e.skipped()).isFalse();
        assertThat(e.bytes()).isLessThanOrEqualTo(Files.size(src));
    }

    @Test
    void findsTheHighestJpegQualityThatFits() throws Exception {
        Path src = noisyJpeg("n.jpg");
        Path out = dir.resolve("out");
        int limitKb = 60;
        EncodedImage e = Jobs.process(src, out, recipe(OutputFormat.JPG, 90, new SizeTarget(false, limitKb)));
        assertThat(e.bytes()).isLessThanOrEqualTo(limitKb * 1024L);
        assertThat(e.quality()).isBetween(2, 89);
        assertThat(e.note()).isEmpty();
        // one step higher does not fit: the search took the highest
        EncodedImage higher = Jobs.process(src, dir.resolve("check"), recipe(OutputFormat.JPG, e.quality() + 1,
                SizeTarget.none()));
        assertThat(higher.bytes()).isGreaterThan(limitKb * 1024L);
        assertThat(Files.size(e.tempFile())).isEqualTo(e.bytes());
    }

    @Test
    void keepsTheChosenQualityWhenItAlreadyFits() throws Exception {
        Path src = TestImages.write(TestImages.quadrants(200, 100), "png", dir.resolve("q.png"));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), recipe(OutputFormat.JPG, 80, new SizeTarget(false, 500)));
        assertThat(e.quality()).isEqualTo(80);
    }

    @Test
    void anUnreachableLimitWritesTheSmallestAndSaysSo() throws Exception {
        Path src = noisyJpeg("n.jpg");
        EncodedImage e = Jobs.process(src, dir.resolve("out"), recipe(OutputFormat.JPG, 85, new SizeTarget(false, 1)));
        assertThat(e.skipped()).isFalse();
        assertThat(e.quality()).isEqualTo(1);
        assertThat(e.bytes()).isGreaterThan(1024);
        assertThat(e.note()).startsWith("could not reach 1 KB");
    }

    @Test
    void appliesToEveryOutputOfAFile() throws Exception {
        Path src = noisyJpeg("n.jpg");
        OutputOptions o = new OutputOptions(List.of(new OutputVariant(ResizeSpec.longEdge(100), "{name}-small")),
                new SizeTarget(false, 20), false);
        Recipe r = Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(OutputFormat.JPG).withOptions(o));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), r);
        assertThat(e.bytes()).isLessThanOrEqualTo(20 * 1024);
        assertThat(e.quality()).isLessThan(85);
        EncodedImage small = e.variants().get(0);
        assertThat(small.quality()).isEqualTo(85); // a 100 px image fits at full quality
    }

    @Test
    void losslessFormatsIgnoreTheKilobyteLimit() throws Exception {
        Path src = noisyJpeg("n.jpg");
        EncodedImage e = Jobs.process(src, dir.resolve("out"), recipe(OutputFormat.PNG, 85, new SizeTarget(false, 1)));
        assertThat(e.quality()).isZero();
        assertThat(e.note()).isEmpty();
        assertThat(e.bytes()).isGreaterThan(1024);
    }
}
