package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Output folders that refuse writes, fill up, or are the input folder itself, through the real command. */
class OutputFaultsTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final SourcesUnchanged sources = new SourcesUnchanged();

    @Test
    void aReadOnlyOutputFolderFailsEveryFileWithPermissionDeniedAndWritesNothing() throws Exception {
        Path in = dir.resolve("in");
        TestImages.write(in.resolve("a.jpg"), 120, 90, "jpg", 1);
        TestImages.write(in.resolve("sub/b.png"), 90, 120, "png", 2);
        sources.watch(in);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path report = dir.resolve("report.csv");

        Cli.Run run = new Cli(dir).prefix(Cli.NO_DAC_OVERRIDE).run(120, "--workers", "2", "--fit", "50x50",
                "--report", report.toString(), "--out", out.toString(), in.toString());

        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        List<List<String>> rows = Cli.reportRows(report);
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("failed", "failed");
        assertThat(rows.get(0).get(6)).isEqualTo("cannot write in " + out + ": permission denied");
        assertThat(rows.get(1).get(6)).isEqualTo("cannot create output folder " + out.resolve("sub") + ": permission denied");
        assertThat(TestImages.regularFiles(out)).as("nothing written, not even a temp file").isEmpty();
    }

    @Test
    void aFolderThatFillsUpFailsTheFilesThatDoNotFitWithTheOsReasonAndLeavesNoPartialFile() throws Exception {
        Path in = dir.resolve("in");
        int files = 6;
        for (int i = 0; i < files; i++) TestImages.write(in.resolve("noise" + i + ".png"), TestImages.noisePng(420, 420, i)); // ~530 KB each
        sources.watch(in);
        Path out = Files.createDirectories(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", out.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes()).trim();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, () -> "SKIPPED the full-disk case: cannot mount a 2 MiB tmpfs here (needs root "
                + "and mount permission): " + why);
        try {
            Path report = dir.resolve("report.csv");
            Cli.Run run = new Cli(dir).run(120, "--workers", "2", "--scale", "100", "--report", report.toString(),
                    "--out", out.toString(), in.toString());

            assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
            List<List<String>> rows = Cli.reportRows(report);
            List<List<String>> failed = rows.stream().filter(r -> r.get(1).equals("failed")).collect(Collectors.toList());
            List<List<String>> done = rows.stream().filter(r -> r.get(1).equals("done")).collect(Collectors.toList());
            assertThat(failed).as("files that did not fit").isNotEmpty();
            assertThat(done).as("files that fit").isNotEmpty();
            assertThat(done.size() + failed.size()).isEqualTo(files);
            assertThat(failed).allSatisfy(r -> assertThat(r.get(6)).contains("No space left on device")
                    .doesNotContain("Exception"));
            List<Path> outputs = TestImages.regularFiles(out);
            assertThat(outputs).containsExactlyInAnyOrderElementsOf(done.stream().map(r -> Path.of(r.get(2))).collect(Collectors.toList()));
            assertThat(TestImages.undecodable(outputs)).as("partial outputs").isEmpty();
            assertThat(TestImages.tempFiles(out)).isEmpty();
            System.out.printf("full disk: %d done, %d failed: %s%n", done.size(), failed.size(), failed.get(0).get(6));
        } finally {
            unmount(out);
        }
    }

    @Test
    void theInputFolderAsOutputFolderNeverOverwritesASource() throws Exception {
        Path in = dir.resolve("in");
        TestImages.write(in.resolve("a.jpg"), 200, 100, "jpg", 1);
        TestImages.write(in.resolve("b.png"), 200, 100, "png", 2);
        sources.watch(in);
        Cli cli = new Cli(dir);

        Cli.Run overwrite = cli.run(120, "--workers", "2", "--fit", "50x50", "--on-conflict", "overwrite",
                "--report", dir.resolve("o.csv").toString(), "--out", in.toString(), in.toString());
        assertThat(overwrite.exit()).as(overwrite.stderr()).isEqualTo(1);
        assertThat(Cli.reportRows(dir.resolve("o.csv"))).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo("failed");
            assertThat(r.get(6)).isEqualTo("output would overwrite the source file " + r.get(0));
        });
        assertThat(TestImages.regularFiles(in)).hasSize(2);

        Cli.Run rename = cli.run(120, "--workers", "2", "--fit", "50x50", "--out", in.toString(), in.toString());
        assertThat(rename.exit()).as(rename.stderr()).isZero();
        assertThat(TestImages.regularFiles(in)).containsExactlyInAnyOrder(in.resolve("a.jpg"), in.resolve("b.png"),
                in.resolve("a-1.jpg"), in.resolve("b-1.png"));
        assertThat(TestImages.undecodable(List.of(in.resolve("a-1.jpg"), in.resolve("b-1.png")))).isEmpty();
        assertThat(TestImages.tempFiles(in)).isEmpty();
        // the sources themselves: checked byte for byte by the extension after this test
    }

    @Test
    void overwriteNeverReplacesAnotherSourceOfTheBatch() throws Exception {
        // c.png converted to jpg would be named c.jpg, which is another source of the same batch
        Path in = dir.resolve("in");
        TestImages.write(in.resolve("c.jpg"), 200, 100, "jpg", 3);
        TestImages.write(in.resolve("c.png"), 200, 100, "png", 4);
        sources.watch(in);
        Cli.Run run = new Cli(dir).run(120, "--workers", "2", "--fit", "50x50", "--format", "jpg",
                "--on-conflict", "overwrite", "--report", dir.resolve("x.csv").toString(), "--out", in.toString(),
                in.resolve("c.png").toString(), in.resolve("c.jpg").toString());
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        assertThat(Cli.reportRows(dir.resolve("x.csv"))).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo("failed");
            assertThat(r.get(6)).isEqualTo("output would overwrite the source file " + in.resolve("c.jpg"));
        });
        assertThat(TestImages.regularFiles(in)).containsExactlyInAnyOrder(in.resolve("c.jpg"), in.resolve("c.png"));
        assertThat(TestImages.tempFiles(in)).isEmpty();
        // c.jpg's bytes: checked by the extension after this test
    }

    private static void unmount(Path mountPoint) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("umount " + mountPoint + " failed");
    }
}
