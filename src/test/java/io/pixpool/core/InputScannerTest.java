package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {

    @TempDir
    Path tmp;

    private final InputScanner scanner = new InputScanner();

    private InputScanner.Result scan(Path... roots) {
        return scanner.scan(List.of(roots), n -> { }, () -> false);
    }

    /** Contents are never read, so an empty file with an image name is enough. */
    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[0]);
    }

    private static List<String> rel(InputScanner.Result r, Path root) {
        return r.images().stream().map(f -> root.relativize(f.source()) + "|" + f.relativeDir())
                .collect(Collectors.toList());
    }

    @Test
    void imageNamesAreRecognisedByExtensionIgnoringCase() {
        for (String n : List.of("a.jpg", "a.JPEG", "a.jpe", "a.jfif", "b.png", "c.Gif", "d.bmp", "d.dib", "e.tif",
                "e.TIFF", "f.webp", ".hidden.jpg", "x.y.png")) {
            assertThat(InputScanner.isImageName(n)).as(n).isTrue();
        }
        for (String n : List.of("a.txt", "jpg", "a.jpg.bak", "a.", "a.svg", "a.heic", "a.pdf", "")) {
            assertThat(InputScanner.isImageName(n)).as(n).isFalse();
        }
    }

    @Test
    void foldersAreWalkedRecursivelyKeepingTheStructureInAStableOrder() throws IOException {
        Path root = tmp.resolve("photos");
        touch(root.resolve("b.jpg"));
        touch(root.resolve("a.PNG"));
        touch(root.resolve("2020/summer/x.webp"));
        touch(root.resolve("2020/z.tif"));
        touch(root.resolve(".hidden.gif"));
        touch(root.resolve("notes.txt"));
        touch(root.resolve("2020/raw.cr2"));
        touch(root.resolve("2020/" + TempFiles.prefix(42) + "123.tmp"));
        touch(root.resolve("2020/" + TempFiles.prefix(42) + "x.jpg"));

        InputScanner.Result r = scan(root);

        assertThat(rel(r, root)).containsExactly(
                ".hidden.gif|", "2020/summer/x.webp|2020/summer", "2020/z.tif|2020", "a.PNG|", "b.jpg|");
        assertThat(r.nonImages()).containsExactly(root.resolve("2020/raw.cr2"), root.resolve("notes.txt"));
        assertThat(r.problems()).isEmpty();
        assertThat(scan(root)).as("same result on a second scan").isEqualTo(r);
    }

    @Test
    void filesGivenDirectlyHaveAnEmptyRelativeDirAndKeepTheGivenOrder() throws IOException {
        Path b = touch(tmp.resolve("deep/down/b.jpg"));
        Path a = touch(tmp.resolve("a.jpg"));
        Path txt = touch(tmp.resolve("readme.md"));
        Path temp = touch(tmp.resolve(TempFiles.prefix(7) + "1.jpg"));

        InputScanner.Result r = scan(b, a, txt, temp);

        assertThat(r.images()).containsExactly(new InputFile(b, Path.of("")), new InputFile(a, Path.of("")));
        assertThat(r.nonImages()).containsExactly(txt);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void duplicatesAreDroppedKeepingTheFirstPlace() throws IOException {
        Path root = tmp.resolve("in");
        Path a = touch(root.resolve("a.jpg"));
        touch(root.resolve("sub/c.jpg"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.jpg"), a);
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("sub")); // the same folder twice in one walk

        InputScanner.Result r = scan(a, root, root.resolve("sub"), link, tmp.resolve("in/../in/a.jpg"));

        assertThat(r.images()).extracting(InputFile::source)
                .containsExactly(a, root.resolve("alias/c.jpg"));
        assertThat(r.images().get(1).relativeDir()).isEqualTo(Path.of("alias"));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void symlinkLoopsAreReportedAndTheWalkGoesOn() throws IOException {
        Path root = tmp.resolve("loop");
        touch(root.resolve("a.jpg"));
        touch(root.resolve("sub/b.jpg"));
        touch(root.resolve("sub/zz/c.jpg"));
        Files.createSymbolicLink(root.resolve("sub/back"), root); // sub/back -> loop (an ancestor)

        InputScanner.Result r = scan(root);

        assertThat(rel(r, root)).containsExactly("a.jpg|", "sub/b.jpg|sub", "sub/zz/c.jpg|sub/zz");
        assertThat(r.problems()).singleElement().asString()
                .contains("loop").contains(root.resolve("sub/back").toString());
    }

    @Test
    void missingPathsAndBrokenLinksAreProblemsNotFailures() throws IOException {
        Path ok = touch(tmp.resolve("ok.jpg"));
        Path dir = tmp.resolve("d");
        touch(dir.resolve("x.png"));
        Files.createSymbolicLink(dir.resolve("gone.jpg"), tmp.resolve("nowhere.jpg"));

        InputScanner.Result r = scan(tmp.resolve("missing.jpg"), ok, dir);

        assertThat(r.images()).extracting(InputFile::source).containsExactly(ok, dir.resolve("x.png"));
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).startsWith("not found: ").endsWith("missing.jpg");
        assertThat(r.problems().get(1)).startsWith("broken symbolic link: ").endsWith("gone.jpg");
    }

    /**
     * Tests run as root here, and root reads a chmod 000 folder anyway. Then the scan runs in a child JVM that
     * keeps root but loses the capabilities that bypass file permissions (setpriv), so the real refusal happens.
     */
    @Test
    void unreadableFoldersAndFilesAreReportedAndTheRestIsScanned() throws Exception {
        Path root = tmp.resolve("mixed");
        touch(root.resolve("a.jpg"));
        touch(root.resolve("locked/secret.jpg"));
        Path lockedFile = touch(root.resolve("z-locked.png"));
        Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        try {
            List<String> images = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            boolean privileged = Files.isReadable(lockedFile);
            if (!privileged) {
                InputScanner.Result r = scan(root);
                r.images().forEach(f -> images.add(f.source() + "|" + f.relativeDir()));
                problems.addAll(r.problems());
            } else {
                assertThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux) to drop root's DAC override")
                        .isExecutable();
                for (String line : runProbeWithoutDacOverride(root)) {
                    if (line.startsWith("image:")) images.add(line.substring(6));
                    if (line.startsWith("problem:")) problems.add(line.substring(8));
                }
            }
            assertThat(images).containsExactly(root.resolve("a.jpg") + "|");
            assertThat(problems).containsExactlyInAnyOrder(
                    "cannot read folder " + root.resolve("locked") + ": permission denied",
                    "cannot read " + lockedFile + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static List<String> runProbeWithoutDacOverride(Path root) throws Exception {
        return ChildJvm.run(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search"),
                ScanProbe.class, root.toString()).lines().collect(Collectors.toList());
    }

    @Test
    void progressIsReportedAndCancelStopsTheWalk() throws IOException {
        Path root = tmp.resolve("many");
        for (int d = 0; d < 5; d++) {
            for (int i = 0; i < 700; i++) touch(root.resolve("d" + d + "/f" + i + ".jpg"));
        }
        List<Long> seen = new ArrayList<>();
        InputScanner.Result all = scanner.scan(List.of(root), seen::add, () -> false);
        assertThat(all.images()).hasSize(3500);
        assertThat(seen).contains(1000L, 2000L, 3000L);
        assertThat(seen.get(seen.size() - 1)).as("last call tells the total").isGreaterThanOrEqualTo(3500L);

        AtomicInteger polls = new AtomicInteger();
        InputScanner.Result part = scanner.scan(List.of(root, root.resolve("d0")), n -> { },
                () -> polls.incrementAndGet() > 100);
        assertThat(part.images().size()).isLessThan(150);
    }
}
