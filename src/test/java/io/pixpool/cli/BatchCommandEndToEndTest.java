package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.TempFiles;
import io.pixpool.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command on real images with real worker processes, in-process and as its own JVM. */
class BatchCommandEndToEndTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int runInProcess(String... args) {
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return BatchCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                err, false);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** in/a.jpg 400x300, in/sub/b.png 300x400, in/sub/deep/c.bmp 200x200, in/notes.txt. */
    private Path nestedInputs() throws IOException {
        Path in = tmp.resolve("in");
        TestImages.write(in.resolve("a.jpg"), 400, 300);
        TestImages.write(in.resolve("sub/b.png"), 300, 400);
        TestImages.write(in.resolve("sub/deep/c.bmp"), 200, 200);
        Files.writeString(in.resolve("notes.txt"), "not an image");
        return in;
    }

    private static void assertSize(Path image, int w, int h) throws IOException {
        BufferedImage img = TestImages.read(image);
        assertThat(img.getWidth()).as(image + " width").isEqualTo(w);
        assertThat(img.getHeight()).as(image + " height").isEqualTo(h);
    }

    /** The report's rows (header checked) as field lists; the test inputs need no CSV quoting. */
    private static List<List<String>> reportRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(CsvReport.HEADER);
        return lines.stream().skip(1).map(l -> Arrays.asList(l.split(",", -1))).collect(Collectors.toList());
    }

    @Test
    void inProcessRunResizesKeepsTheFolderStructureAndWritesTheReport() throws IOException {
        Path in = nestedInputs();
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        int code = runInProcess("--workers", "2", "--fit", "100x100", "--report", report.toString(),
                "--out", out.toString(), in.toString());

        assertThat(code).as(err()).isZero();
        assertSize(out.resolve("a.jpg"), 100, 75);
        assertSize(out.resolve("sub/b.png"), 75, 100);
        assertSize(out.resolve("sub/deep/c.bmp"), 100, 100);
        assertThat(TestImages.regularFiles(out)).hasSize(3);
        List<List<String>> rows = reportRows(report);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(in.resolve("a.jpg").toString(),
                in.resolve("sub/b.png").toString(), in.resolve("sub/deep/c.bmp").toString());
        assertThat(rows).extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(3) + "x" + r.get(4)).containsExactly(
                "done " + out.resolve("a.jpg") + " 100x75",
                "done " + out.resolve("sub/b.png") + " 75x100",
                "done " + out.resolve("sub/deep/c.bmp") + " 100x100");
        assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.get(5))).isNotNegative());
        assertThat(err()).contains("ignored 1 file not named as images: notes.txt\n")
                .containsPattern("3 files: 3 done, 0 skipped, 0 failed, 0 cancelled in \\d+\\.\\d s \\(\\d+\\.\\d images/s\\)\n$");
    }

    @Test
    void outputOptionsReachTheWorkers() throws IOException {
        Path in = nestedInputs();
        Path out = tmp.resolve("out");

        int code = runInProcess("--workers", "1", "--width", "50", "--format", "png", "--name", "{name}-{w}x{h}",
                "--filter", "grayscale", "--quiet", "--out", out.toString(), in.resolve("a.jpg").toString());

        assertThat(code).as(err()).isZero();
        assertThat(err()).isEmpty();
        List<Path> made = TestImages.regularFiles(out);
        assertThat(made).hasSize(1);
        BufferedImage img = TestImages.read(made.get(0));
        assertThat(img.getWidth()).isEqualTo(50);
        assertThat(img.getHeight()).isBetween(37, 38); // 300 * 50 / 400 = 37.5
        assertThat(made.get(0).getFileName().toString()).isEqualTo("a-50x" + img.getHeight() + ".png");
        int rgb = img.getRGB(5, img.getHeight() / 2); // the red half, now grey
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        assertThat(Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))).isLessThanOrEqualTo(3);
    }

    @Test
    void aCorruptFileFailsWithItsMessageExitOneAndTheRestIsDone() throws IOException {
        Path in = nestedInputs();
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Files.write(in.resolve("sub/broken.jpg"), noise);
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        int code = runInProcess("--workers", "2", "--fit", "100x100", "--report", report.toString(),
                "--out", out.toString(), in.toString());

        assertThat(code).as(err()).isEqualTo(1);
        assertThat(err()).contains("failed: " + in.resolve("sub/broken.jpg") + ": ")
                .contains("4 files: 3 done, 0 skipped, 1 failed, 0 cancelled");
        List<List<String>> rows = reportRows(report);
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("done", "done", "failed", "done");
        assertThat(rows.get(2).get(0)).isEqualTo(in.resolve("sub/broken.jpg").toString());
        assertThat(rows.get(2).get(6)).isNotBlank();
        assertThat(TestImages.regularFiles(out)).hasSize(3);
    }

    @Test
    void aSecondRunIntoAFolderInsideTheInputSkipsExistingOutputsAndIgnoresThemAsInputs() throws IOException {
        Path in = nestedInputs();
        Path out = in.resolve("small");
        assertThat(runInProcess("--workers", "2", "--long-edge", "80", "--out", out.toString(), in.toString()))
                .as(err()).isZero();
        assertSize(out.resolve("sub/b.png"), 60, 80);
        stderr.reset();

        Path report = tmp.resolve("again.csv");
        int code = runInProcess("--workers", "2", "--long-edge", "80", "--on-conflict", "skip", "--report",
                report.toString(), "--out", out.toString(), in.toString());

        assertThat(code).as(err()).isZero();
        assertThat(err()).contains("ignored 3 images inside the output folder " + out + "\n")
                .contains("3 files: 0 done, 3 skipped, 0 failed, 0 cancelled");
        assertThat(reportRows(report)).extracting(r -> r.get(1)).containsExactly("skipped", "skipped", "skipped");
        assertThat(TestImages.regularFiles(out)).hasSize(3);
    }

    // ---- the real command as its own JVM ------------------------------------------------------------------------

    private record Run(int exit, String stderr) {
    }

    private Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** Starts {@code java ... io.pixpool.Main batch ARGS}, after {@code prefix} (e.g. setsid). */
    private Process start(List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.pixpool.Main", "batch"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    private Run runProcess(String... args) throws Exception {
        Process p = start(args);
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("batch did not end within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
    }

    @Test
    void theRealCommandExitsZeroOneOrTwoAsDocumented() throws Exception {
        Path in = nestedInputs();
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        Run ok = runProcess("--workers", "2", "--fit", "100x100", "--report", report.toString(), in.toString(),
                "--out", out.toString());
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertSize(out.resolve("a.jpg"), 100, 75);
        assertSize(out.resolve("sub/b.png"), 75, 100);
        assertSize(out.resolve("sub/deep/c.bmp"), 100, 100);
        assertThat(reportRows(report)).extracting(r -> r.get(1) + " " + r.get(3) + "x" + r.get(4))
                .containsExactly("done 100x75", "done 75x100", "done 100x100");
        assertThat(ok.stderr()).doesNotContain("\r").contains("3 files: 3 done, 0 skipped, 0 failed, 0 cancelled");

        Files.write(in.resolve("sub/empty.png"), new byte[0]);
        Run failed = runProcess("--workers", "2", "--fit", "100x100", "--report", report.toString(), "--quiet",
                in.toString(), "--out", tmp.resolve("out2").toString());
        assertThat(failed.exit()).as(failed.stderr()).isEqualTo(1);
        assertThat(failed.stderr()).startsWith("failed: " + in.resolve("sub/empty.png") + ": ");
        assertThat(reportRows(report)).extracting(r -> r.get(1)).containsExactly("done", "done", "done", "failed");

        Run usage = runProcess("--fit", "0x5", in.toString(), "--out", tmp.resolve("out3").toString());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.stderr()).isEqualTo("pixpool batch: --fit: width must be 1..65535 for fit inside, was 0\n"
                + "Try 'pixpool batch --help' for more information.\n");
        assertThat(tmp.resolve("out3")).doesNotExist();
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the whole foreground process group: the command and its workers. The
     * command runs here as the leader of its own group (setsid), and the group gets the signal.
     */
    @Test
    void ctrlCCancelsTheBatchLeavingOnlyCompleteOutputsTheReportAndNoWorkers() throws Exception {
        Path in = tmp.resolve("many");
        Path first = TestImages.write(in.resolve("img000.jpg"), 2400, 1800);
        int n = 150;
        for (int i = 1; i < n; i++) Files.copy(first, in.resolve(String.format("img%03d.jpg", i)));
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        assertThat(Path.of("/usr/bin/setsid")).as("setsid (util-linux)").isExecutable();
        Process p = start(List.of("/usr/bin/setsid"), "--workers", "2", "--fit", "2160x2160", "--quality-method", "ultra", "--report",
                report.toString(), in.toString(), "--out", out.toString());
        p.getOutputStream().close();
        List<ProcessHandle> workers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !hasImageBelow(out) && System.nanoTime() < deadline) {
            p.descendants().filter(h -> !workers.contains(h)).forEach(workers::add);
            Thread.sleep(20);
        }
        p.descendants().filter(h -> !workers.contains(h)).forEach(workers::add);
        assertThat(p.isAlive()).as("still running when the first output appears").isTrue();
        assertThat(workers).as("worker processes seen").isNotEmpty();

        assertThat(ProcessHandle.of(p.pid()).flatMap(h -> h.info().command()).orElse("")).as("setsid exec'd java")
                .endsWith("java");
        new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start().waitFor();

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
        String stderrText = Files.readString(tmp.resolve("stderr.txt"));
        assertThat(p.exitValue()).as(stderrText).isEqualTo(130);
        for (ProcessHandle w : workers) {
            assertThat(w.onExit().get(5, TimeUnit.SECONDS).isAlive()).as("worker " + w.pid() + " gone").isFalse();
        }
        assertThat(stderrText).contains("interrupted: cancelling").containsPattern(n + " files: \\d+ done, 0 skipped, 0 failed, [1-9]\\d* cancelled");

        List<List<String>> rows = reportRows(report);
        assertThat(rows).hasSize(n);
        assertThat(rows).extracting(r -> r.get(1)).containsOnly("done", "cancelled").contains("done", "cancelled");
        List<Path> outputs = TestImages.regularFiles(out);
        assertThat(outputs).noneMatch(TempFiles::isTemp);
        List<Path> reported = rows.stream().filter(r -> r.get(1).equals("done")).map(r -> Path.of(r.get(2)))
                .collect(Collectors.toList());
        assertThat(outputs).containsExactlyInAnyOrderElementsOf(reported);
        for (Path o : outputs) assertSize(o, 2160, 1620);
    }

    private static boolean hasImageBelow(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".jpg"));
        }
    }
}
