package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open batches: warm workers waiting for files that are submitted while the batch runs. */
class OpenBatchTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    private final EventRecorder events = new EventRecorder();
    private Batch batch;

    @AfterEach
    void noWorkerOutlivesItsBatch() throws Exception {
        if (batch != null && !batch.isFinished()) {
            batch.cancel();
            batch.await(LIMIT);
        }
        for (long pid : events.workerPids()) {
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("worker %d", pid).isFalse();
        }
    }

    @Test
    void workersStartBeforeTheFirstFileAndFilesSubmittedFromSeveralThreadsEachEndOnce() throws Exception {
        batch = Batch.startOpen(settings(2), events);
        waitUntil(() -> events.workerPids().size() == 2, "two warm workers");
        assertThat(events.of(BatchEvent.JobQueued.class)).isEmpty();

        List<CompletableFuture<OptionalInt>> submits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path f = TestImages.write(dir.resolve("in/f" + i + ".png"), 320, 240, "png", i);
            submits.add(CompletableFuture.supplyAsync(() -> batch.submit(InputFile.of(f))));
        }
        List<Integer> jobs = new ArrayList<>();
        for (CompletableFuture<OptionalInt> s : submits) jobs.add(s.get(60, TimeUnit.SECONDS).orElseThrow());
        assertThat(jobs).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        waitUntil(() -> events.terminals().size() == 6, "six files ended");
        assertThat(batch.isFinished()).as("an open batch waits for more").isFalse();

        batch.closeInput();
        assertThat(batch.submit(InputFile.of(dir.resolve("in/f0.png")))).as("after closeInput").isEmpty();
        BatchSummary s = batch.await(LIMIT);
        assertThat(s).isNotNull();
        events.assertConsistent(6);
        assertThat(s.done()).isEqualTo(6);
        assertThat(events.workerPids()).as("the same two workers did everything").hasSize(2);
        for (BatchEvent.JobQueued q : events.of(BatchEvent.JobQueued.class)) {
            assertThat(q.source()).isEqualTo(dir.resolve("in/f" + q.source().getFileName().toString().charAt(1) + ".png"));
        }
        assertThat(TestImages.regularFiles(dir.resolve("out"))).hasSize(6);
    }

    @Test
    void cancellingAnIdleOpenBatchEndsItWithNoFilesAndRefusesMore() throws Exception {
        batch = Batch.startOpen(settings(2), events);
        waitUntil(() -> events.workerPids().size() == 2, "two warm workers");
        batch.cancel();
        BatchSummary s = batch.await(LIMIT);
        assertThat(s).isNotNull();
        assertThat(s.total()).isZero();
        assertThat(batch.acceptsInput()).isFalse();
        assertThat(batch.submit(InputFile.of(dir.resolve("x.png")))).isEmpty();
        assertThat(events.of(BatchEvent.WorkerExited.class)).hasSize(2);
    }

    /** A watched folder's first file should take warm-worker time: the waiting workers warm up meanwhile. */
    @Test
    void waitingWorkersWarmUpInAFolderTheyRemoveAndTheFirstFileIsDoneAfterIt() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String before = System.getProperty(WorkerCommand.EXTRA_OPTIONS_PROPERTY);
        System.setProperty(WorkerCommand.EXTRA_OPTIONS_PROPERTY, "-Djava.io.tmpdir=" + tmp);
        try {
            batch = Batch.startOpen(settings(1), events);
        } finally {
            if (before == null) System.clearProperty(WorkerCommand.EXTRA_OPTIONS_PROPERTY);
            else System.setProperty(WorkerCommand.EXTRA_OPTIONS_PROPERTY, before);
        }
        waitUntil(() -> !filesIn(tmp).isEmpty(), "the worker's warm-up folder");
        assertThat(filesIn(tmp)).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .startsWith("pixpool-warmup-"));

        Path first = TestImages.write(dir.resolve("in/first.png"), 320, 240, "png", 1);
        assertThat(batch.submit(InputFile.of(first))).isPresent();
        waitUntil(() -> events.terminals().size() == 1, "the first file ended");
        assertThat(events.of(BatchEvent.JobDone.class)).hasSize(1);
        waitUntil(() -> filesIn(tmp).isEmpty(), "the warm-up folder removed");
        batch.closeInput();
        assertThat(batch.await(LIMIT)).isNotNull();
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BatchSettings settings(int workers) {
        return BatchSettings.of(Recipe.defaults().withResize(ResizeSpec.fit(100, 100)), dir.resolve("out"))
                .withWorkers(workers).withWorkerHeapMb(256);
    }

    private void waitUntil(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + events.all());
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
