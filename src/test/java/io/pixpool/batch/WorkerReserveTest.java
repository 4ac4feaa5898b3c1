package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.ProcessChecks;
import io.pixpool.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers kept warm from one batch to the next (the window's), with real worker JVMs on real files. */
class WorkerReserveTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private Path in;
    private final List<Long> seen = new ArrayList<>();
    private WorkerReserve reserve;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
    }

    @AfterEach
    void noWorkerOutlivesTheReserve() throws InterruptedException {
        if (reserve != null) reserve.close();
        ProcessChecks.assertAllGone(seen, GONE_WITHIN);
    }

    @Test
    void theNextBatchTakesTheWarmWorkersOfTheLastOne() throws Exception {
        reserve = new WorkerReserve();
        List<InputFile> inputs = images(8);
        EventRecorder first = run(fit(200, 200), dir.resolve("out1"), inputs, 2);
        List<Long> pids = first.workerPids();
        assertThat(pids).hasSize(2);
        assertThat(first.of(BatchEvent.WorkerExited.class)).extracting(BatchEvent.WorkerExited::reason)
                .containsOnly("kept for the next batch");
        assertThat(reserve.idleWorkers()).isEqualTo(2);
        ProcessChecks.assertAllAlive(pids);

        // other output folder and size: the same worker command, so the same two processes do the work
        EventRecorder second = run(fit(80, 80), dir.resolve("out2"), inputs, 2);
        assertThat(second.workerPids()).containsExactlyInAnyOrderElementsOf(pids);
        for (BatchEvent.JobDone d : second.of(BatchEvent.JobDone.class)) {
            BufferedImage img = ImageIO.read(d.output().toFile());
            assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(80);
            assertThat(d.output()).startsWith(dir.resolve("out2"));
        }
        assertThat(TestImages.tempFiles(dir.resolve("out1"))).isEmpty();
        assertThat(TestImages.tempFiles(dir.resolve("out2"))).isEmpty();

        reserve.close();
        ProcessChecks.assertAllGone(pids, GONE_WITHIN);
        assertThat(reserve.idleWorkers()).isZero();
        // closed: the next batch ends its workers as batches without a reserve do
        EventRecorder third = run(fit(50, 50), dir.resolve("out3"), inputs.subList(0, 2), 1);
        assertThat(third.of(BatchEvent.WorkerExited.class)).extracting(BatchEvent.WorkerExited::reason)
                .containsOnly("finished");
    }

    /** The window prepares workers when files are added: Start finds them up, and starts none of its own. */
    @Test
    void preparedWorkersRunTheFirstBatch() throws Exception {
        reserve = new WorkerReserve();
        List<InputFile> inputs = images(4);
        BatchSettings settings = BatchSettings.of(fit(100, 100), dir.resolve("out1")).withWorkers(2)
                .withWorkerHeapMb(256);
        reserve.prepare(settings, inputs);
        reserve.prepare(settings, inputs); // asked again before they are up: still two
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reserve.idleWorkers() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
        List<Long> prepared = reserve.idlePids();
        seen.addAll(prepared);
        assertThat(prepared).hasSize(2);
        ProcessChecks.assertAllAlive(prepared);

        EventRecorder events = run(settings, inputs);
        assertThat(events.workerPids()).containsExactlyInAnyOrderElementsOf(prepared);
        reserve.prepare(settings, inputs); // kept ones count: nothing more to start
        Thread.sleep(500);
        assertThat(reserve.idlePids()).containsExactlyInAnyOrderElementsOf(prepared);
    }

    /** So the first batch's first files take warm-worker time: each prepared worker runs its pipeline once first. */
    @Test
    void preparedWorkersAreAskedToWarmUpAndLeavePolitelyAfterIt() throws Exception {
        reserve = new WorkerReserve();
        BatchSettings settings = BatchSettings.of(fit(100, 100), dir.resolve("out")).withWorkers(1)
                .withWorkerHeapMb(256);
        List<InputFile> inputs = images(3);
        reserve.prepare(settings, inputs);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reserve.idleWorkers() < 1 && System.nanoTime() < deadline) Thread.sleep(20);
        WorkerProcess w = reserve.take(Batch.commandFor(settings, inputs), 256);
        assertThat(w).isNotNull();
        seen.add(w.pid());
        assertThat(w.warmUpPending()).as("a warm-up was sent").isTrue();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try {
            WorkerExit exit = w.shutdown(Duration.ofSeconds(30), watchdog);
            assertThat(exit.saidGoodbye()).as("its answer read, then the goodbye").isTrue();
            assertThat(exit.unexpected()).isFalse();
        } finally {
            watchdog.shutdownNow();
        }
    }

    @Test
    void otherWorkerSettingsStartTheirOwnAndIdleWorkersLeaveInTime() throws Exception {
        reserve = new WorkerReserve(Duration.ofSeconds(1));
        List<InputFile> inputs = images(2);
        List<Long> first = run(fit(100, 100), dir.resolve("out1"), inputs, 1).workerPids();
        EventRecorder other = runWithHeap(fit(100, 100), dir.resolve("out2"), inputs, 200);
        assertThat(other.workerPids()).doesNotContainAnyElementsOf(first);
        ProcessChecks.assertAllGone(first, GONE_WITHIN); // idle for more than a second
        ProcessChecks.assertAllGone(other.workerPids(), GONE_WITHIN);
        assertThat(reserve.idleWorkers()).isZero();
    }

    @Test
    void aKeptWorkerThatDiedIsReplacedAndACancelledBatchKeepsNone() throws Exception {
        reserve = new WorkerReserve();
        List<InputFile> inputs = images(6);
        List<Long> first = run(fit(100, 100), dir.resolve("out1"), inputs, 1).workerPids();
        ProcessHandle.of(first.get(0)).ifPresent(ProcessHandle::destroyForcibly);
        ProcessChecks.assertAllGone(first, GONE_WITHIN);

        EventRecorder events = new EventRecorder();
        CountDownLatch oneDone = new CountDownLatch(1);
        events.react(e -> {
            if (e instanceof BatchEvent.JobDone) oneDone.countDown();
        });
        Batch batch = Batch.start(BatchSettings.of(fit(100, 100), dir.resolve("out2")).withWorkers(1)
                .withWorkerHeapMb(256), inputs, events, reserve);
        assertThat(oneDone.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        batch.cancel();
        assertThat(batch.await(LIMIT)).isNotNull();
        seen.addAll(events.workerPids());
        assertThat(events.workerPids()).singleElement().isNotEqualTo(first.get(0));
        assertThat(events.of(BatchEvent.WorkerExited.class)).extracting(BatchEvent.WorkerExited::reason)
                .doesNotContain("kept for the next batch");
        assertThat(reserve.idleWorkers()).isZero();
        ProcessChecks.assertAllGone(events.workerPids(), GONE_WITHIN);
    }

    private EventRecorder run(Recipe recipe, Path out, List<InputFile> inputs, int workers) throws Exception {
        return run(BatchSettings.of(recipe, out).withWorkers(workers).withWorkerHeapMb(256), inputs);
    }

    private EventRecorder runWithHeap(Recipe recipe, Path out, List<InputFile> inputs, int heapMb) throws Exception {
        return run(BatchSettings.of(recipe, out).withWorkers(1).withWorkerHeapMb(heapMb), inputs);
    }

    private EventRecorder run(BatchSettings settings, List<InputFile> inputs) throws Exception {
        EventRecorder events = new EventRecorder();
        BatchSummary summary = Batch.start(settings, inputs, events, reserve).await(LIMIT);
        assertThat(summary).as("batch finished within " + LIMIT).isNotNull();
        events.assertConsistent(inputs.size());
        assertThat(summary.done()).isEqualTo(inputs.size());
        seen.addAll(events.workerPids());
        return events;
    }

    private static Recipe fit(int w, int h) {
        return Recipe.defaults().withResize(ResizeSpec.fit(w, h));
    }

    private List<InputFile> images(int n) {
        List<InputFile> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(InputFile.of(TestImages.write(in.resolve("p" + i + ".jpg"), 320, 240, "jpg", i)));
        return list;
    }
}
