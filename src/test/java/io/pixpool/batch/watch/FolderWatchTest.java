package io.pixpool.batch.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.ProcessChecks;
import io.pixpool.testing.TestImages;
import java.awt.Dimension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch folder over real worker processes and real files arriving while it runs. */
class FolderWatchTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofMillis(1500);

    @TempDir
    Path dir;
    private Path in;
    private Path out;
    private final EventRecorder events = new EventRecorder();
    private final Map<Path, String> ignored = new ConcurrentHashMap<>();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WatchListener watchListener = new WatchListener() {
        @Override public void ignored(Path file, String reason) { ignored.put(file, reason); }
        @Override public void problem(String message) { problems.add(message); }
    };
    private FolderWatch watch;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
    }

    @AfterEach
    void nothingOutlivesTheWatch() throws Exception {
        if (watch != null && !watch.batch().isFinished()) {
            watch.cancel();
            watch.await(LIMIT);
        }
        ProcessChecks.assertAllGone(events.workerPids());
    }

    @Test
    void arrivalsAreProcessedOnceCompleteIncludingSlowWritesNewSubfoldersAndBadFiles() throws Exception {
        Path old = TestImages.write(in.resolve("old.jpg"), 640, 480); // there before: not processed by default
        watch = FolderWatch.start(settings(false), batchSettings(out), events, watchListener);
        waitUntil(() -> events.workerPids().size() == 2, "both workers warm before any file arrives");

        // a copy tool's way: a temporary name, renamed when complete
        Path part = TestImages.write(in.resolve("a.jpg.part"), TestImages.encode("jpg", 640, 480, 1));
        Files.move(part, in.resolve("a.jpg"), StandardCopyOption.ATOMIC_MOVE);
        TestImages.write(in.resolve("b.png"), 480, 640);
        TestImages.write(in.resolve("new/deeper/c.jpg"), 800, 600); // a subfolder made after the start
        Files.writeString(in.resolve("notes.txt"), "not an image");
        Files.writeString(in.resolve("fake.png"), "this is text, not a PNG");
        Files.write(in.resolve("corrupt.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});

        // written slowly in chunks: never handed on before it is complete
        byte[] slow = TestImages.encode("jpg", 1200, 900, 7);
        Path slowFile = in.resolve("slow.jpg");
        try (OutputStream o = Files.newOutputStream(slowFile)) {
            int chunks = 20;
            for (int i = 0; i < chunks; i++) {
                o.write(Arrays.copyOfRange(slow, i * slow.length / chunks, (i + 1) * slow.length / chunks));
                o.flush();
                assertThat(queuedSources()).as("picked up while being written").doesNotContain(slowFile);
                TimeUnit.MILLISECONDS.sleep(150); // the writer's pace, well below the settle time
            }
        }

        Map<String, BatchEvent> ends = awaitEnds(6);
        assertThat(ends.get("a.jpg")).isInstanceOf(BatchEvent.JobDone.class);
        assertThat(ends.get("b.png")).isInstanceOf(BatchEvent.JobDone.class);
        assertThat(ends.get("c.jpg")).isInstanceOf(BatchEvent.JobDone.class);
        assertThat(ends.get("slow.jpg")).isInstanceOf(BatchEvent.JobDone.class);
        assertThat(ends.get("fake.png")).isInstanceOf(BatchEvent.JobFailed.class);
        assertThat(ends.get("corrupt.jpg")).isInstanceOf(BatchEvent.JobFailed.class);
        assertThat(((BatchEvent.JobFailed) ends.get("corrupt.jpg")).message()).isNotBlank().doesNotContain("Exception");
        waitUntil(() -> ignored.containsKey(in.resolve("notes.txt")), "notes.txt reported as ignored");
        assertThat(ignored.get(in.resolve("notes.txt"))).isEqualTo("not an image");

        assertThat(TestImages.dims(out.resolve("new/deeper/c.jpg"))).isEqualTo(new Dimension(200, 150));
        assertThat(TestImages.dims(out.resolve("slow.jpg"))).as("the whole picture").isEqualTo(new Dimension(200, 150));
        assertThat(TestImages.read(out.resolve("slow.jpg"))).isNotNull();

        // a file arriving after all that is the last one queued: nothing came twice meanwhile
        Path sentinel = TestImages.write(in.resolve("z.jpg"), 300, 300);
        waitUntil(() -> endOf(sentinel) != null, "z.jpg processed");

        watch.stop();
        BatchSummary summary = watch.await(LIMIT);
        assertThat(summary).isNotNull();
        assertThat(watch.isWatching()).isFalse();
        events.assertConsistent(7);
        assertThat(summary.done()).isEqualTo(5);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(queuedSources()).doesNotHaveDuplicates().doesNotContain(old);
        assertThat(TestImages.regularFiles(out)).extracting(p -> out.relativize(p).toString())
                .containsExactlyInAnyOrder("a.jpg", "b.png", "new/deeper/c.jpg", "slow.jpg", "z.jpg");
        assertThat(TestImages.tempFiles(dir)).isEmpty();
        assertThat(Files.readAllBytes(slowFile)).isEqualTo(slow);
        assertThat(problems).isEmpty();
    }

    @Test
    void existingFilesOnRequestAndOutputsInsideTheWatchedFolderAreNeverInputs() throws Exception {
        Path existing = TestImages.write(in.resolve("existing.jpg"), 640, 480);
        Path inner = in.resolve("resized");
        watch = FolderWatch.start(settings(true), batchSettings(inner), events, watchListener);
        waitUntil(() -> endOf(existing) != null, "existing.jpg processed");
        Path fresh = TestImages.write(in.resolve("fresh.png"), 640, 480);
        waitUntil(() -> endOf(fresh) != null, "fresh.png processed");
        assertThat(Files.isRegularFile(inner.resolve("fresh.png"))).isTrue();
        Path sentinel = TestImages.write(in.resolve("sentinel.jpg"), 100, 100);
        waitUntil(() -> endOf(sentinel) != null, "sentinel processed");

        watch.stop();
        assertThat(watch.await(LIMIT)).isNotNull();
        events.assertConsistent(3);
        assertThat(queuedSources()).containsExactly(existing, fresh, sentinel);
        assertThat(TestImages.regularFiles(inner)).hasSize(3);
    }

    @Test
    void cancelStopsAtOnceLeavingOnlyCompleteOutputsAndNoWorkers() throws Exception {
        watch = FolderWatch.start(settings(false), batchSettings(out).withWorkers(1), events, watchListener);
        events.react(e -> {
            if (e instanceof BatchEvent.JobStarted) watch.cancel();
        });
        Path big = TestImages.write(in.resolve("big.png"), 3000, 3000);
        TestImages.write(in.resolve("next.png"), 3000, 3000);
        BatchSummary s = watch.await(LIMIT);
        assertThat(s).as("ended after cancel").isNotNull();
        events.assertConsistent(s.total());
        assertThat(s.total()).isGreaterThanOrEqualTo(1);
        assertThat(s.cancelled() + s.done()).isEqualTo(s.total());
        assertThat(watch.isWatching()).isFalse();
        assertThat(watch.batch().acceptsInput()).isFalse();
        assertThat(TestImages.tempFiles(dir)).isEmpty();
        assertThat(TestImages.undecodable(TestImages.regularFiles(out))).isEmpty();
        assertThat(Files.exists(big)).isTrue();
    }

    @Test
    void outputFoldersThatWouldFeedBackAreRefusedBeforeAnythingStarts() throws IOException {
        assertThat(FolderWatch.outputProblem(List.of(in), in)).contains("must not be the watched folder");
        assertThat(FolderWatch.outputProblem(List.of(in), dir)).contains("must not contain the watched folder");
        assertThat(FolderWatch.outputProblem(List.of(in), in.resolve("out"))).isNull();
        assertThat(FolderWatch.excludedOutput(List.of(in), in.resolve("out"))).isEqualTo(in.resolve("out"));
        assertThat(FolderWatch.outputProblem(List.of(in), out)).isNull();
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        assertThat(FolderWatch.outputProblem(List.of(in), link)).as("through a symlink").isNotNull();
        Files.createDirectories(in.resolve("sub"));
        assertThat(FolderWatch.folderProblem(List.of(in, in.resolve("sub")))).contains("inside each other");
        assertThat(FolderWatch.folderProblem(List.of(dir.resolve("nope")))).contains("not found");
        assertThatThrownBy(() -> FolderWatch.start(settings(false), batchSettings(in), events, watchListener))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be the watched folder");
        assertThat(events.all()).as("no batch started").isEmpty();
    }

    private WatchSettings settings(boolean existing) {
        return WatchSettings.of(List.of(in)).withIncludeExisting(existing).withSettle(SETTLE)
                .withRescan(Duration.ofSeconds(1));
    }

    private static BatchSettings batchSettings(Path output) {
        return BatchSettings.of(Recipe.defaults().withResize(ResizeSpec.fit(200, 200)), output).withWorkers(2)
                .withWorkerHeapMb(256);
    }

    private List<Path> queuedSources() {
        return events.of(BatchEvent.JobQueued.class).stream().map(BatchEvent.JobQueued::source).collect(Collectors.toList());
    }

    private BatchEvent endOf(Path source) {
        for (BatchEvent.JobQueued q : events.of(BatchEvent.JobQueued.class)) {
            if (q.source().equals(source)) return events.terminals().get(q.job());
        }
        return null;
    }

    /** Waits for {@code n} jobs to end; their terminal events by source file name. */
    private Map<String, BatchEvent> awaitEnds(int n) throws InterruptedException {
        waitUntil(() -> events.terminals().size() >= n, n + " files ended");
        Map<Integer, BatchEvent> t = events.terminals();
        Map<String, BatchEvent> byName = new HashMap<>();
        for (BatchEvent.JobQueued q : events.of(BatchEvent.JobQueued.class)) {
            byName.put(q.source().getFileName().toString(), t.get(q.job()));
        }
        return byName;
    }

    private void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; events " + events.all()
                        + "; problems " + problems);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @SuppressWarnings("unused")
    private static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
