package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the {@code batch} process: no orphans, no half-written outputs, and a rerun finishes the job. */
class CoordinatorKillTest {

    private static final int FILES = 60;

    @TempDir
    Path dir;
    @RegisterExtension
    final SourcesUnchanged sources = new SourcesUnchanged();

    private record Snapshot(byte[] bytes, FileTime mtime) {
    }

    @Test
    void killedBatchLeavesNoWorkersNoPartialOutputsAndARerunWithSkipCompletesTheRest() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        byte[] photo = TestImages.encode("jpg", 1600, 1200, 3);
        for (int i = 0; i < FILES; i++) TestImages.write(in.resolve(String.format("photo%02d.jpg", i)), photo);
        sources.watch(in);
        Cli cli = new Cli(dir);
        String[] args = {"--workers", "2", "--fit", "1000x1000", "--quality-method", "ultra", "--out", out.toString(), in.toString()};

        Process p = cli.start(args);
        List<Long> workers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && outputs(out).size() < 4 && System.nanoTime() < deadline) {
            Processes.workersOf(p.pid()).stream().map(ProcessHandle::pid).filter(w -> !workers.contains(w)).forEach(workers::add);
            Thread.sleep(20);
        }
        Processes.workersOf(p.pid()).stream().map(ProcessHandle::pid).filter(w -> !workers.contains(w)).forEach(workers::add);
        assertThat(p.isAlive()).as("the batch is still running when 4 outputs exist: %s", cli.stderrOf(1)).isTrue();
        assertThat(workers).as("worker processes seen; alive %s: %s %s", p.isAlive(), cli.stderrOf(1), outputs(out)).isNotEmpty();
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no cancel, no cleanup in the coordinator
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Processes.workersOf(p.pid()).isEmpty() && System.nanoTime() < gone) Thread.sleep(100);
        assertThat(Processes.workersOf(p.pid())).as("orphan workers 5 s after the coordinator died").isEmpty();
        Processes.assertAllGone(workers);

        List<Path> finished = outputs(out);
        assertThat(finished.size()).as("some but not all files were done").isBetween(4, FILES - 1);
        assertThat(TestImages.tempFiles(out)).as("temp files left by the killed batch").isEmpty();
        assertThat(TestImages.undecodable(finished)).as("half-written outputs").isEmpty();
        Map<Path, Snapshot> before = new HashMap<>();
        for (Path f : finished) before.put(f, new Snapshot(Files.readAllBytes(f), Files.getLastModifiedTime(f)));

        List<String> again = new ArrayList<>(Arrays.asList(args));
        again.addAll(0, List.of("--on-conflict", "skip"));
        Cli.Run rerun = cli.run(120, again.toArray(String[]::new));
        assertThat(rerun.exit()).as(rerun.stderr()).isZero();
        assertThat(rerun.stderr()).contains(String.format("%d files: %d done, %d skipped, 0 failed, 0 cancelled",
                FILES, FILES - finished.size(), finished.size()));
        List<Path> all = outputs(out);
        assertThat(all).hasSize(FILES);
        assertThat(TestImages.tempFiles(out)).isEmpty();
        assertThat(TestImages.undecodable(all)).isEmpty();
        for (Map.Entry<Path, Snapshot> e : before.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey())).as("bytes of %s", e.getKey()).isEqualTo(e.getValue().bytes());
            assertThat(Files.getLastModifiedTime(e.getKey())).as("mtime of %s", e.getKey()).isEqualTo(e.getValue().mtime());
        }
        System.out.printf("coordinator kill: %d of %d done before SIGKILL, %d workers seen, rerun completed the rest%n",
                finished.size(), FILES, workers.size());
    }

    /**
     * The worst moment: the worker has reported a finished temp file, which the coordinator owns until it places it,
     * and the coordinator dies before placing it. The worker must not leave that temp file behind.
     */
    @Test
    void aResultTheDeadCoordinatorNeverPlacedIsRemovedByItsWorker() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path source = TestImages.write(in.resolve("one.png"), 200, 100, "png", 1);
        Path out = Files.createDirectories(dir.resolve("out"));
        sources.watch(in);

        Process coordinator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnplacingCoordinatorMain.class.getName(),
                source.toString(), out.toString()).redirectErrorStream(true).start();
        coordinator.getOutputStream().close();
        String said = new String(coordinator.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> lines = said.lines().filter(l -> l.startsWith("worker ") || l.startsWith("temp "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1)));
        assertThat(lines).as(said).containsKeys("worker", "temp");
        Processes.assertAllGone(List.of(Long.parseLong(lines.get("worker"))));
        assertThat(Path.of(lines.get("temp")).getParent()).isEqualTo(out);
        assertThat(TestImages.tempFiles(out)).as("the unplaced result's temp file").isEmpty();
    }

    private static List<Path> outputs(Path out) throws java.io.IOException {
        return TestImages.regularFiles(out).stream().filter(f -> !io.pixpool.core.TempFiles.isTemp(f)).collect(Collectors.toList());
    }
}
