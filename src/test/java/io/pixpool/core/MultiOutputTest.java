package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several outputs per source from one decode: sizes, names, pixels, conflicts and clean failure. */
class MultiOutputTest {

    @TempDir
    Path dir;

    private static Recipe threeSizes(OutputFormat f) {
        OutputOptions o = OutputOptions.defaults().withVariants(List.of(
                new OutputVariant(ResizeSpec.longEdge(300), "{name}-300"),
                new OutputVariant(ResizeSpec.fill(100, 100), "{name}-thumb")));
        return Recipe.defaults().withResize(ResizeSpec.longEdge(600))
                .withOutput(OutputSpec.defaults().withFormat(f).withOptions(o));
    }

    private static List<Path> placeAll(EncodedImage e, Path outDir, ConflictPolicy policy, Path source)
            throws ImageException {
        List<Path> placed = new ArrayList<>();
        for (EncodedImage one : e.all()) placed.add(OutputPlacer.place(one, outDir, policy, source).output());
        return placed;
    }

    @Test
    void writesEveryOutputWithItsOwnSizeAndName() throws Exception {
        Path src = dir.resolve("photo.jpg");
        Files.write(src, TestImages.jpegBytes(io.pixpool.testing.TestImages.pattern(1200, 800, 3), 0.92f, false));
        Path out = dir.resolve("out");
        EncodedImage e = Jobs.process(src, out, threeSizes(OutputFormat.JPG));

        assertThat(e.all()).extracting(EncodedImage::fileName)
                .containsExactly("photo.jpg", "photo-300.jpg", "photo-thumb.jpg");
        assertThat(e.all()).extracting(EncodedImage::width).containsExactly(600, 300, 100);
        assertThat(e.all()).extracting(EncodedImage::height).containsExactly(400, 200, 100);
        assertThat(e.all()).allSatisfy(o -> assertThat(o.quality()).isEqualTo(OutputSpec.DEFAULT_QUALITY));
        assertThat(e.tempFiles()).hasSize(3).allSatisfy(t -> assertThat(t).exists());

        List<Path> placed = placeAll(e, out, ConflictPolicy.RENAME, src);
        assertThat(TestImages.names(out)).containsExactly("photo-300.jpg", "photo-thumb.jpg", "photo.jpg");
        for (int i = 0; i < 3; i++) {
            BufferedImage img = TestImages.read(placed.get(i));
            assertThat(img.getWidth()).isEqualTo(e.all().get(i).width());
            assertThat(Files.size(placed.get(i))).isEqualTo(e.all().get(i).bytes());
        }
    }

    @Test
    void eachVariantLooksLikeTheSameSizeMadeOnItsOwn() throws Exception {
        Path src = TestImages.write(io.pixpool.testing.TestImages.pattern(1200, 800, 5), "png", dir.resolve("p.png"));
        Recipe r = threeSizes(OutputFormat.PNG);
        List<Path> together = placeAll(Jobs.process(src, dir.resolve("together"), r), dir.resolve("together"),
                ConflictPolicy.RENAME, src);
        Path alone = Jobs.run(src, dir.resolve("alone"), Jobs.recipe(ResizeSpec.longEdge(300), OutputFormat.PNG));
        assertThat(io.pixpool.testing.TestImages.meanDifference(TestImages.read(together.get(1)), TestImages.read(alone))).isLessThan(1.0);
        Path thumb = Jobs.run(src, dir.resolve("thumb"), Jobs.recipe(ResizeSpec.fill(100, 100), OutputFormat.PNG));
        assertThat(io.pixpool.testing.TestImages.meanDifference(TestImages.read(together.get(2)), TestImages.read(thumb))).isLessThan(1.0);
    }

    @Test
    void eachVariantIsPaddedToItsOwnBoxNotTheMainOne() throws Exception {
        // Found by QA: --preset instagram --pad box --also 320 wrote a 1080x1080 canvas with a 320 px picture in it
        Path src = TestImages.write(io.pixpool.testing.TestImages.pattern(1200, 800, 2), "png", dir.resolve("w.png"));
        OutputOptions o = OutputOptions.defaults().withVariants(List.of(
                new OutputVariant(ResizeSpec.longEdge(320), "{name}-320"),
                new OutputVariant(ResizeSpec.fit(400, 200), "{name}-wide")));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(1080, 1080))
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.PNG).withOptions(o))
                .withDecoration(Decoration.none().withPad(new Padding(1080, 1080, 0x00FF00)).withBorder(new Border(4, 0)));
        EncodedImage e = Jobs.process(src, dir.resolve("out"), r);

        assertThat(e.all()).extracting(EncodedImage::width).containsExactly(1088, 328, 208);
        assertThat(e.all()).extracting(EncodedImage::height).containsExactly(1088, 328, 208);
        List<Path> placed = placeAll(e, dir.resolve("out"), ConflictPolicy.RENAME, src);
        BufferedImage thumb = TestImages.read(placed.get(1));
        assertThat(thumb.getWidth()).isEqualTo(328);
        assertThat(thumb.getRGB(164, 20) & 0xFFFFFF).isEqualTo(0x00FF00); // letterbox above the 320x213 picture
        assertThat(thumb.getRGB(10, 164) & 0xFFFFFF).isNotEqualTo(0x00FF00); // the picture spans the full width

        // and a variant larger than the main output gets a larger box, not the main one's
        Recipe small = r.withResize(ResizeSpec.fit(200, 200))
                .withDecoration(r.decoration().withPad(new Padding(200, 200, 0x00FF00))).withOutput(r.output().withOptions(
                OutputOptions.defaults().withVariants(List.of(new OutputVariant(ResizeSpec.longEdge(900), "{name}-900")))));
        EncodedImage big = Jobs.process(src, dir.resolve("big"), small);
        assertThat(big.all()).extracting(EncodedImage::width).containsExactly(208, 908);
        assertThat(big.all()).extracting(EncodedImage::height).containsExactly(208, 908);
    }

    @Test
    void variantsOfACroppedMainOutputAreCroppedToTheirOwnBox() throws Exception {
        // Found by QA: --preset instagram --also 320 gave a 213x320 picture, not the 320x320 square users expect
        Path src = TestImages.write(io.pixpool.testing.TestImages.pattern(1200, 800, 2), "png", dir.resolve("f.png"));
        OutputOptions o = OutputOptions.defaults().withVariants(List.of(
                new OutputVariant(ResizeSpec.longEdge(320), "{name}-320"),
                new OutputVariant(ResizeSpec.fit(400, 200), "{name}-banner")));
        Recipe square = Recipe.defaults().withResize(ResizeSpec.fill(600, 600))
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.PNG).withOptions(o));
        EncodedImage e = Jobs.process(src, dir.resolve("fill"), square);
        assertThat(e.all()).extracting(EncodedImage::width).containsExactly(600, 320, 400);
        assertThat(e.all()).extracting(EncodedImage::height).containsExactly(600, 320, 200);

        Recipe wide = square.withResize(ResizeSpec.exact(900, 300));
        EncodedImage x = Jobs.process(src, dir.resolve("exact"), wide);
        assertThat(x.all()).extracting(EncodedImage::width).containsExactly(900, 320, 400);
        assertThat(x.all()).extracting(EncodedImage::height).containsExactly(300, 107, 200);

        // a main output that fits inside its box leaves the variants as typed: long edge, fit inside
        EncodedImage f = Jobs.process(src, dir.resolve("fit"), square.withResize(ResizeSpec.fit(600, 600)));
        assertThat(f.all()).extracting(EncodedImage::width).containsExactly(600, 320, 300);
        assertThat(f.all()).extracting(EncodedImage::height).containsExactly(400, 213, 200);
    }

    @Test
    void skipPolicySkipsOnlyTheOutputsThatExist() throws Exception {
        Path src = TestImages.write(io.pixpool.testing.TestImages.pattern(900, 600, 1), "png", dir.resolve("s.png"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("s-300.png"), "keep me");
        Recipe r = threeSizes(OutputFormat.PNG);
        r = r.withOutput(r.output().withOnConflict(ConflictPolicy.SKIP));
        EncodedImage e = Jobs.process(src, out, r);
        assertThat(e.all()).extracting(EncodedImage::skipped).containsExactly(false, true, false);
        assertThat(e.all().get(1).skipReason()).isEqualTo(EncodedImage.EXISTS);
        placeAll(e, out, ConflictPolicy.SKIP, src);
        assertThat(Files.readString(out.resolve("s-300.png"))).isEqualTo("keep me");
        assertThat(TestImages.names(out)).containsExactly("s-300.png", "s-thumb.png", "s.png");
    }

    @Test
    void outputsThatWouldShareANameFailTheFileAndLeaveNothing() throws Exception {
        Path src = TestImages.write(io.pixpool.testing.TestImages.pattern(400, 300, 2), "png", dir.resolve("d.png"));
        Path out = dir.resolve("out");
        OutputOptions o = OutputOptions.defaults().withVariants(List.of(
                new OutputVariant(ResizeSpec.width(100), "{name}-{w}"),
                new OutputVariant(ResizeSpec.height(75), "{name}-{h}"))); // d-100 and d-75 ... and:
        Recipe ok = Recipe.defaults().withOutput(OutputSpec.defaults().withOptions(o));
        assertThat(Jobs.process(src, out, ok).all()).extracting(EncodedImage::fileName)
                .containsExactly("d.png", "d-100.png", "d-75.png");
        TempFiles.removeAll(out, 4242);
        OutputOptions clash = OutputOptions.defaults().withVariants(List.of(
                new OutputVariant(ResizeSpec.width(100), "{name}-{w}"),
                new OutputVariant(ResizeSpec.height(75), "{name}-100"))); // both d-100.png
        Recipe bad = Recipe.defaults().withOutput(OutputSpec.defaults().withOptions(clash));
        assertThatThrownBy(() -> Jobs.process(src, out, bad)).isInstanceOf(ImageException.class)
                .hasMessageContaining("both be named d-100.png");
        assertThat(TestImages.names(out)).isEmpty();
    }

    @Test
    void aVariantCannotReuseTheMainPattern() {
        OutputOptions o = OutputOptions.defaults().withVariants(List.of(new OutputVariant(ResizeSpec.width(10), "{name}")));
        assertThatThrownBy(() -> OutputSpec.defaults().withOptions(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("main name pattern");
    }
}
