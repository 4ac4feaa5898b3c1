package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.TempFiles;
import io.pixpool.testing.TestImages;
import java.awt.Dimension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --watch}: the real command as its own JVM with its real workers, and its usage errors. */
class WatchCommandTest {

    @TempDir
    Path tmp;
    private Process process;

    @AfterEach
    void noLeftovers() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void printsALinePerArrivalWithARunningCountAndCtrlCExits130LeavingNoWorkers() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");
        TestImages.write(in.resolve("before.jpg"), 300, 200); // there already: left alone by default

        assertThat(Path.of("/usr/bin/setsid")).as("setsid (util-linux)").isExecutable();
        process = start(List.of("/usr/bin/setsid"), "--watch", "--settle", "0.5", "--rescan", "1", "--workers", "2",
                "--fit", "100x100", "--report", report.toString(), in.toString(), "--out", out.toString());
        process.getOutputStream().close();
        awaitStderr(s -> s.contains("watching " + in), "the watch started");

        TestImages.write(in.resolve("a.jpg"), 400, 300);
        TestImages.write(in.resolve("new/b.png"), 300, 400);
        Files.writeString(in.resolve("notes.txt"), "hello");
        Files.write(in.resolve("bad.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
        String text = awaitStderr(s -> s.contains("[2 done, 1 failed]") && s.contains("ignored: "), "three files processed");
        assertThat(text).containsPattern(Pattern.quote("done: " + in.resolve("a.jpg") + " -> " + out.resolve("a.jpg")
                + " (400x300 -> 100x75, ") + "\\d+ ms\\)  \\[\\d done, \\d failed\\]");
        assertThat(text).contains("done: " + in.resolve("new/b.png") + " -> " + out.resolve("new/b.png") + " (300x400 -> 75x100, ");
        assertThat(text).containsPattern(Pattern.quote("failed: " + in.resolve("bad.jpg") + ": ") + ".+\\[\\d done, 1 failed\\]");
        assertThat(text).contains("ignored: " + in.resolve("notes.txt") + " (not an image)");
        List<ProcessHandle> workers = new ArrayList<>(process.descendants().toList());
        assertThat(workers).as("warm workers while watching").hasSize(2);

        new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
        String all = stderr();
        assertThat(process.exitValue()).as(all).isEqualTo(130);
        for (ProcessHandle w : workers) {
            assertThat(w.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("worker " + w.pid() + " gone").isFalse();
        }
        assertThat(all).containsPattern("\n3 files: 2 done, 0 skipped, 1 failed, 0 cancelled; watched for \\d+:\\d\\d\n");
        assertThat(TestImages.regularFiles(out)).extracting(p -> out.relativize(p).toString())
                .containsExactlyInAnyOrder("a.jpg", "new/b.png");
        assertThat(TestImages.dims(out.resolve("a.jpg"))).isEqualTo(new Dimension(100, 75));
        assertThat(TestImages.regularFiles(tmp)).noneMatch(TempFiles::isTemp);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(CsvReport.HEADER);
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[1])
                .containsExactlyInAnyOrder("done", "done", "failed");
    }

    @Test
    void aWatchedFolderThatGoesAwayEndsTheWatchWithStatus1() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        process = start(List.of(), "--watch", "--rescan", "0.2", "--workers", "1", in.toString(), "--out",
                tmp.resolve("out").toString());
        process.getOutputStream().close();
        awaitStderr(s -> s.contains("watching " + in), "the watch started");
        Files.delete(in);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ends by itself").isTrue();
        assertThat(stderr()).contains("warning: the watched folder " + in + " is gone; stopped watching")
                .contains("0 files: 0 done");
        assertThat(process.exitValue()).isEqualTo(1);
    }

    @Test
    void watchOptionsAreCheckedBeforeAnythingStarts() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path image = TestImages.write(in.resolve("a.jpg"), 10, 10);
        Path out = tmp.resolve("out");
        assertUsage("pixpool batch: --watch: " + image + " is not a folder", "--watch", image.toString(), "--out", out.toString());
        assertUsage("pixpool batch: --watch: the output folder must not be the watched folder " + in,
                "--watch", in.toString(), "--out", in.toString());
        assertUsage("pixpool batch: --watch: the output folder " + tmp + " must not contain the watched folder " + in,
                "--watch", in.toString(), "--out", tmp.toString());
        assertUsage("pixpool batch: --existing only goes with --watch", "--existing", in.toString(), "--out", out.toString());
        assertUsage("pixpool batch: --settle: expected seconds such as 2 or 0.5, got 'soon'",
                "--watch", "--settle", "soon", in.toString(), "--out", out.toString());
        assertThat(out).doesNotExist();
    }

    private void assertUsage(String firstLine, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BatchCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(firstLine + "\n");
        assertThat(code).isEqualTo(BatchCommand.EXIT_USAGE);
    }

    private Process start(List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.pixpool.Main", "batch"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() throws IOException {
        return Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    /** Waits (up to 90 s) until stderr satisfies {@code condition}; returns it. */
    private String awaitStderr(Predicate<String> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String s = stderr();
            if (condition.test(s)) return s;
            if (!process.isAlive()) throw new AssertionError("the command ended (" + process.exitValue() + ") before: " + what + "\n" + s);
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what + "\n" + s);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
