package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflict policies and the never-replace-a-source rule, on real files. */
class OutputPlacerTest {

    @TempDir
    Path dir;

    /** A temp file in {@code outDir} as a worker leaves it, with {@code content} as its bytes. */
    private EncodedImage temp(Path outDir, String fileName, String content) throws Exception {
        Files.createDirectories(outDir);
        Path tmp = Files.writeString(outDir.resolve(Jobs.PREFIX + content.hashCode() + "-" + System.nanoTime() + ".tmp"),
                content);
        return new EncodedImage(tmp, fileName, 10, 10, 5, 5, 100, content.length());
    }

    private static String text(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private void assertNoTemps(Path d) {
        assertThat(TestImages.names(d)).noneMatch(n -> n.startsWith(".pixpool-"));
    }

    @Test
    void renamePicksTheNextFreeName() throws Exception {
        Path out = dir.resolve("out");
        Path src = Files.writeString(dir.resolve("photo.jpg"), "source");
        List<Path> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(OutputPlacer.place(temp(out, "photo.jpg", "v" + i), out, ConflictPolicy.RENAME, src).output());
        }
        assertThat(placed).containsExactly(out.resolve("photo.jpg"), out.resolve("photo-1.jpg"), out.resolve("photo-2.jpg"));
        assertThat(text(out.resolve("photo.jpg"))).isEqualTo("v0");
        assertThat(text(out.resolve("photo-2.jpg"))).isEqualTo("v2");
        assertNoTemps(out);
    }

    @Test
    void renameSkipsNamesTakenByFoldersAndDanglingLinks() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectory(out.resolve("a.png"));
        Files.createSymbolicLink(out.resolve("a-1.png"), dir.resolve("missing"));
        Path src = Files.writeString(dir.resolve("a.png"), "source");
        Path p = OutputPlacer.place(temp(out, "a.png", "new"), out, ConflictPolicy.RENAME, src).output();
        assertThat(p).isEqualTo(out.resolve("a-2.png"));
        assertThat(Files.isSymbolicLink(out.resolve("a-1.png"))).isTrue();
    }

    @Test
    void overwriteReplacesAtomically() throws Exception {
        Path out = dir.resolve("out");
        Path src = Files.writeString(dir.resolve("photo.jpg"), "source");
        OutputPlacer.place(temp(out, "photo.jpg", "old"), out, ConflictPolicy.OVERWRITE, src);
        OutputPlacer.Placement p = OutputPlacer.place(temp(out, "photo.jpg", "new"), out, ConflictPolicy.OVERWRITE, src);
        assertThat(p.skipped()).isFalse();
        assertThat(text(out.resolve("photo.jpg"))).isEqualTo("new");
        assertThat(TestImages.names(out)).containsExactly("photo.jpg");
    }

    @Test
    void skipKeepsTheExistingFileAndRemovesTheTemp() throws Exception {
        Path out = dir.resolve("out");
        Path src = Files.writeString(dir.resolve("photo.jpg"), "source");
        OutputPlacer.place(temp(out, "photo.jpg", "old"), out, ConflictPolicy.SKIP, src);
        OutputPlacer.Placement p = OutputPlacer.place(temp(out, "photo.jpg", "new"), out, ConflictPolicy.SKIP, src);
        assertThat(p.skipped()).isTrue();
        assertThat(p.output()).isEqualTo(out.resolve("photo.jpg"));
        assertThat(text(out.resolve("photo.jpg"))).isEqualTo("old");
        assertThat(TestImages.names(out)).containsExactly("photo.jpg");
    }

    @Test
    void theSourceIsNeverReplaced() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pics"));
        Path src = Files.writeString(folder.resolve("photo.jpg"), "source");
        // output folder = source folder, same name: RENAME picks another name
        Path r = OutputPlacer.place(temp(folder, "photo.jpg", "r"), folder, ConflictPolicy.RENAME, src).output();
        assertThat(r).isEqualTo(folder.resolve("photo-1.jpg"));
        // SKIP skips
        assertThat(OutputPlacer.place(temp(folder, "photo.jpg", "s"), folder, ConflictPolicy.SKIP, src).skipped()).isTrue();
        // OVERWRITE refuses, even when the source is reached through another spelling of the path
        Path other = dir.resolve("pics/../pics/.");
        assertThatThrownBy(() -> OutputPlacer.place(temp(folder, "photo.jpg", "o"), other, ConflictPolicy.OVERWRITE, src))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith("output would overwrite the source file");
        assertThat(text(src)).isEqualTo("source");
        assertNoTemps(folder);
    }

    @Test
    void theSourceIsRecognisedThroughLinks() throws Exception {
        Path src = Files.writeString(dir.resolve("photo.jpg"), "source");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("photo.jpg"), src);
        assertThatThrownBy(() -> OutputPlacer.place(temp(out, "photo.jpg", "o"), out, ConflictPolicy.OVERWRITE, src))
                .hasMessageStartingWith("output would overwrite the source file");
        Path hard = Files.createDirectories(dir.resolve("hard"));
        Files.createLink(hard.resolve("photo.jpg"), src);
        assertThatThrownBy(() -> OutputPlacer.place(temp(hard, "photo.jpg", "o"), hard, ConflictPolicy.OVERWRITE, src))
                .hasMessageStartingWith("output would overwrite the source file");
        assertThat(text(src)).isEqualTo("source");
    }

    @Test
    void otherSourcesOfTheBatchAreProtectedToo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pics"));
        Path a = Files.writeString(folder.resolve("a.png"), "A");
        Path b = Files.writeString(folder.resolve("b.png"), "B");
        Set<Path> sources = Set.of(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
        // the job for a.jpg produces "b.png" (say, by a name pattern): b is another source
        assertThatThrownBy(() -> OutputPlacer.place(temp(folder, "b.png", "x"), folder, ConflictPolicy.OVERWRITE,
                folder.resolve("a.jpg"), sources::contains))
                .hasMessageStartingWith("output would overwrite the source file");
        Path renamed = OutputPlacer.place(temp(folder, "b.png", "y"), folder, ConflictPolicy.RENAME,
                folder.resolve("a.jpg"), sources::contains).output();
        assertThat(renamed).isEqualTo(folder.resolve("b-1.png"));
        assertThat(text(b)).isEqualTo("B");
        assertNoTemps(folder);
    }

    @Test
    void skippedEarlyImagesArePassedThrough() throws Exception {
        Path out = dir.resolve("out");
        EncodedImage skipped = new EncodedImage(null, "x.png", 1, 1, 1, 1, 1, 0);
        OutputPlacer.Placement p = OutputPlacer.place(skipped, out, ConflictPolicy.SKIP, dir.resolve("x.png"));
        assertThat(p.skipped()).isTrue();
        assertThat(p.output()).isEqualTo(out.resolve("x.png"));
    }

    @Test
    void failureRemovesTheTempFile() throws Exception {
        Path out = dir.resolve("out");
        EncodedImage e = temp(out, "x.png", "data");
        Files.createDirectories(out.resolve("x.png"));
        Files.writeString(out.resolve("x.png").resolve("keep"), "non-empty folder");
        assertThatThrownBy(() -> OutputPlacer.place(e, out, ConflictPolicy.OVERWRITE, dir.resolve("src.png")))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith("cannot place output");
        assertThat(Files.exists(e.tempFile())).isFalse();
    }

    @Test
    void concurrentRenamesNeverShareAName() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path src = dir.resolve("src.png");
        int n = 24;
        List<EncodedImage> imgs = new ArrayList<>();
        for (int i = 0; i < n; i++) imgs.add(temp(out, "same.png", "content-" + i));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        Set<Path> placed = ConcurrentHashMap.newKeySet();
        List<Future<?>> fs = new ArrayList<>();
        for (EncodedImage img : imgs) {
            fs.add(pool.submit(() -> {
                go.await();
                placed.add(OutputPlacer.place(img, out, ConflictPolicy.RENAME, src).output());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(placed).hasSize(n);
        Set<String> contents = ConcurrentHashMap.newKeySet();
        for (Path p : placed) contents.add(text(p));
        assertThat(contents).hasSize(n);
        assertNoTemps(out);
    }

    @Test
    void pipelineSkipsBeforeDecodingWhenTheOutputExists() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path src = TestImages.write(TestImages.quadrants(200, 100), "png", dir.resolve("q.png"));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(50, 50)).withOutput(OutputSpec.defaults()
                .withFormat(OutputFormat.PNG).withOnConflict(ConflictPolicy.SKIP).withNamePattern("{name}-{w}x{h}"));
        Files.writeString(out.resolve("q-50x25.png"), "existing");
        EncodedImage e = Jobs.process(src, out, r);
        assertThat(e.skipped()).isTrue();
        assertThat(e.fileName()).isEqualTo("q-50x25.png");
        assertThat(new int[] {e.sourceWidth(), e.sourceHeight(), e.width(), e.height()}).containsExactly(200, 100, 50, 25);
        assertThat(TestImages.names(out)).containsExactly("q-50x25.png");
        // the skip happens before decoding: a source whose pixels are broken is still just skipped
        byte[] b = Files.readAllBytes(src);
        Path broken = Files.write(Files.createDirectories(dir.resolve("broken")).resolve("q.png"),
                java.util.Arrays.copyOf(b, 60));
        assertThatThrownBy(() -> new ImagePipeline().render(broken, r)).isInstanceOf(ImageException.class);
        assertThat(Jobs.process(broken, out, r).skipped()).isTrue();
    }

    @Test
    void namePatternTokens() throws Exception {
        Path src = TestImages.write(TestImages.quadrants(200, 100), "png", dir.resolve("in/holiday.photo.png"));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.width(80)).withOutput(OutputSpec.defaults()
                .withFormat(OutputFormat.JPG).withNamePattern("{name}_{ext}_{w}x{h}_{n}_{n:4}"));
        EncodedImage e = new ImagePipeline().process(new ImageJob(src, dir.resolve("out"), 7, r), Jobs.PREFIX);
        assertThat(e.fileName()).isEqualTo("holiday.photo_png_80x40_7_0007.jpg");
        Path placed = OutputPlacer.place(e, dir.resolve("out"), ConflictPolicy.RENAME, src).output();
        assertThat(placed.getFileName().toString()).isEqualTo("holiday.photo_png_80x40_7_0007.jpg");
        assertThat(TestImages.read(placed).getWidth()).isEqualTo(80);
    }
}
