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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool with real worker JVMs on real files. */
class BatchPoolTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    private Path in;
    private Path out;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
    }

    @AfterEach
    void noWorkerOutlivesItsBatch() throws InterruptedException {
        ProcessChecks.assertAllGone(events.workerPids());
    }

    @Test
    void twentyImagesOnTwoWorkersAllDoneWithRightSizes() throws Exception {
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean portrait = i % 3 == 0;
            String fmt = i % 2 == 0 ? "jpg" : "png";
            Path f = TestImages.write(in.resolve("img" + i + "." + fmt), portrait ? 480 : 640, portrait ? 640 : 480, fmt, i);
            inputs.add(InputFile.of(f));
        }
        // one in a subfolder: its output goes to the same subfolder below the output root
        Path sub = Files.createDirectories(in.resolve("sub"));
        inputs.add(new InputFile(TestImages.write(sub.resolve("deep.jpg"), 800, 600, "jpg", 99), Path.of("sub")));

        Batch batch = Batch.start(settings(fit(200, 200), 2), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(inputs.size());
        assertThat(summary.done()).isEqualTo(inputs.size());
        assertThat(summary.success()).isTrue();
        for (BatchEvent.JobDone d : events.of(BatchEvent.JobDone.class)) {
            BufferedImage img = ImageIO.read(d.output().toFile());
            assertThat(img).as("output %s decodes", d.output()).isNotNull();
            boolean portrait = d.job() < 20 && d.job() % 3 == 0;
            assertThat(img.getWidth()).isEqualTo(d.width()).isCloseTo(portrait ? 150 : 200, org.assertj.core.data.Offset.offset(1));
            assertThat(img.getHeight()).isEqualTo(d.height()).isCloseTo(portrait ? 200 : 150, org.assertj.core.data.Offset.offset(1));
            assertThat(d.outputBytes()).isEqualTo(Files.size(d.output()));
            assertThat(d.sourceBytes()).isEqualTo(Files.size(inputs.get(d.job()).source()));
        }
        Map<Integer, BatchEvent> ends = events.terminals();
        assertThat(((BatchEvent.JobDone) ends.get(20)).output()).isEqualTo(out.resolve("sub").resolve("deep.jpg"));
        assertThat(events.of(BatchEvent.JobStarted.class)).allSatisfy(s -> {
            assertThat(s.worker()).isBetween(1, 2);
            assertThat(s.attempt()).isEqualTo(1);
        });
        assertThat(events.of(BatchEvent.WorkerStarted.class)).hasSize(2);
        assertThat(events.of(BatchEvent.WorkerExited.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo("finished"));
        assertNoTempFiles(out);
    }

    @Test
    void killedWorkerIsReplacedAndItsFileRetried() throws Exception {
        List<InputFile> inputs = images(16, 1600, 1200, "jpg");
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        events.react(e -> {
            // the 5th dispatch: kill that worker before the job is even read, so it certainly dies holding the file
            if (e instanceof BatchEvent.JobStarted s && started.incrementAndGet() == 5 && killed.compareAndSet(false, true)) {
                long pid = lastPidOf(s.worker());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        });
        Batch batch = Batch.start(settings(fit(400, 400), 2), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(inputs.size());
        assertThat(summary.done()).isEqualTo(inputs.size());
        assertThat(killed).isTrue();
        assertThat(events.of(BatchEvent.WorkerExited.class)).anySatisfy(e -> assertThat(e.reason()).isEqualTo("crashed: exit 137"));
        assertThat(events.of(BatchEvent.WorkerStarted.class)).hasSizeGreaterThanOrEqualTo(3);
        List<BatchEvent.JobRetrying> retries = events.of(BatchEvent.JobRetrying.class);
        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).attempt()).isEqualTo(2);
        assertThat(retries.get(0).reason()).isEqualTo("worker crashed (exit 137)");
        assertThat(events.of(BatchEvent.JobStarted.class)).anySatisfy(s -> {
            assertThat(s.job()).isEqualTo(retries.get(0).job());
            assertThat(s.attempt()).isEqualTo(2);
        });
        assertOutputsDecode(inputs.size());
        assertNoTempFiles(out);
    }

    @Test
    void hangingWorkerTimesOutIsKilledAndTheFileRetried() throws Exception {
        List<InputFile> inputs = images(3, 300, 200, "png");
        AtomicBoolean stopped = new AtomicBoolean();
        events.react(e -> {
            if (e instanceof BatchEvent.WorkerStarted w && stopped.compareAndSet(false, true)) sigstop(w.pid());
        });
        Batch batch = Batch.start(settings(fit(100, 100), 1).withTimeout(Duration.ofSeconds(2)), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(3);
        assertThat(summary.done()).isEqualTo(3);
        long frozen = events.workerPids().get(0);
        assertThat(events.of(BatchEvent.WorkerExited.class)).anySatisfy(e -> {
            assertThat(e.pid()).isEqualTo(frozen);
            assertThat(e.reason()).isEqualTo("killed (timeout 2 s)");
        });
        assertThat(events.of(BatchEvent.JobRetrying.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("timed out after 2 s"));
        assertThat(ProcessChecks.alive(frozen)).isFalse();
        assertOutputsDecode(3);
        assertNoTempFiles(out);
    }

    @Test
    void fileFailsAfterEveryAttemptTimesOut() throws Exception {
        List<InputFile> inputs = images(1, 300, 200, "png");
        events.react(e -> {
            if (e instanceof BatchEvent.WorkerStarted w) sigstop(w.pid());
        });
        Batch batch = Batch.start(settings(fit(100, 100), 1).withTimeout(Duration.ofSeconds(2)), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(1);
        assertThat(summary.failed()).isEqualTo(1);
        BatchEvent.JobFailed f = events.of(BatchEvent.JobFailed.class).get(0);
        assertThat(f.message()).isEqualTo("timed out after 2 s twice");
        assertThat(f.millis()).isGreaterThanOrEqualTo(4000);
        assertThat(events.of(BatchEvent.WorkerStarted.class)).hasSize(2);
        assertNoTempFiles(out);
    }

    @Test
    void brokenFilesFailWithMessagesWhileTheRestCompletes() throws Exception {
        List<InputFile> inputs = new ArrayList<>(images(4, 320, 240, "jpg"));
        Path garbage = in.resolve("garbage.jpg");
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(garbage, noise);
        inputs.add(1, InputFile.of(garbage));
        inputs.add(3, InputFile.of(Files.createFile(in.resolve("empty.png"))));
        inputs.add(InputFile.of(Files.writeString(in.resolve("notes.jpg"), "just some text\n")));

        Batch batch = Batch.start(settings(fit(100, 100), 2), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(inputs.size());
        assertThat(summary.done()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(events.of(BatchEvent.JobFailed.class)).extracting(BatchEvent.JobFailed::job).containsExactlyInAnyOrder(1, 3, 6);
        assertThat(events.of(BatchEvent.JobFailed.class)).allSatisfy(f -> assertThat(f.message())
                .isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat "));
        assertThat(events.of(BatchEvent.JobRetrying.class)).as("a bad file is not retried").isEmpty();
        assertThat(events.of(BatchEvent.WorkerStarted.class)).as("bad files do not cost workers").hasSize(2);
        assertOutputsDecode(4);
        assertNoTempFiles(out);
    }

    /**
     * Ctrl+C in a terminal reaches every process of the foreground group, the workers too: the coordinator decides
     * what happens to the batch (the CLI cancels it), so a worker goes on instead of dying halfway through a file
     * and being reported as crashed. Each worker gets SIGINT as its first file is sent.
     */
    @Test
    void workersLeaveAnInterruptToTheCoordinator() throws Exception {
        List<InputFile> inputs = images(16, 640, 480, "jpg");
        Map<Integer, AtomicInteger> startsPerWorker = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger interrupted = new AtomicInteger();
        events.react(e -> {
            // a worker is sent jobs once it said hello, which it does after it set its signal handling up
            if (e instanceof BatchEvent.JobStarted s
                    && startsPerWorker.computeIfAbsent(s.worker(), w -> new AtomicInteger()).incrementAndGet() == 1) {
                signal("INT", lastPidOf(s.worker()));
                interrupted.incrementAndGet();
            }
        });
        Batch batch = Batch.start(settings(fit(100, 100), 2), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(inputs.size());
        assertThat(interrupted.get()).isPositive().isEqualTo(startsPerWorker.size());
        assertThat(summary.done()).isEqualTo(inputs.size());
        assertThat(events.of(BatchEvent.JobRetrying.class)).isEmpty();
        assertThat(events.of(BatchEvent.WorkerStarted.class)).hasSize(2);
        assertThat(events.of(BatchEvent.WorkerExited.class)).extracting(BatchEvent.WorkerExited::reason)
                .containsOnly("finished");
        assertOutputsDecode(inputs.size());
    }

    @Test
    void cancelKillsRunningFilesAndLeavesOnlyCompleteOutputs() throws Exception {
        List<InputFile> inputs = images(30, 1600, 1200, "jpg");
        CountDownLatch fourDone = new CountDownLatch(4);
        events.react(e -> {
            if (e instanceof BatchEvent.JobDone) fourDone.countDown();
        });
        Batch batch = Batch.start(settings(fit(300, 300), 2), inputs, events);
        assertThat(fourDone.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        batch.cancel();
        assertThat(batch.isCancelled()).isTrue();
        BatchSummary summary = finish(batch);

        events.assertConsistent(30);
        assertThat(summary.cancelled()).isPositive();
        assertThat(summary.done() + summary.cancelled()).isEqualTo(30);
        assertThat(summary.success()).isFalse();
        assertOutputsDecode(summary.done());
        assertNoTempFiles(out);
        ProcessChecks.assertAllGone(events.workerPids());
        // nothing of a cancelled batch starts after the cancel took effect
        List<BatchEvent> all = events.all();
        int firstCancel = indexOfFirst(all, BatchEvent.JobCancelled.class);
        assertThat(all.subList(firstCancel, all.size())).noneMatch(e -> e instanceof BatchEvent.JobStarted
                || e instanceof BatchEvent.WorkerStarted);
    }

    @Test
    void pauseStopsDispatchAndResumeContinues() throws Exception {
        List<InputFile> inputs = images(5, 320, 240, "png");
        CompletableFuture<Batch> handle = new CompletableFuture<>();
        CountDownLatch paused = new CountDownLatch(1);
        events.react(e -> {
            if (e instanceof BatchEvent.JobDone d && d.job() == 0) handle.join().pause(); // on the slot thread
            if (e instanceof BatchEvent.BatchPaused) paused.countDown();
        });
        Batch batch = Batch.start(settings(fit(100, 100), 1), inputs, events);
        handle.complete(batch);
        assertThat(paused.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(batch.isPaused()).isTrue();

        assertThat(batch.await(Duration.ofMillis(1500))).as("a paused batch does not finish").isNull();
        // file 1 went out with file 0's result, before file 0 was placed and the pause came: it finishes, no other starts
        assertThat(events.of(BatchEvent.JobStarted.class)).hasSize(2);
        assertThat(events.of(BatchEvent.JobDone.class)).hasSize(2);
        batch.pause(); // no second event
        batch.resume();
        assertThat(batch.isPaused()).isFalse();
        BatchSummary summary = finish(batch);

        events.assertConsistent(5);
        assertThat(summary.done()).isEqualTo(5);
        assertThat(events.of(BatchEvent.BatchPaused.class)).hasSize(1);
        assertThat(events.of(BatchEvent.BatchResumed.class)).hasSize(1);
        List<BatchEvent> all = events.all();
        assertThat(indexOfFirst(all, BatchEvent.BatchResumed.class)).isGreaterThan(indexOfFirst(all, BatchEvent.BatchPaused.class));
        assertThat(events.of(BatchEvent.WorkerStarted.class)).as("the worker waits through the pause").hasSize(1);
        batch.resume(); // after the end: nothing happens
        assertThat(events.all().get(events.all().size() - 1)).isInstanceOf(BatchEvent.BatchFinished.class);
    }

    @Test
    void theNextFileGoesOutBeforeTheLastOneIsPlaced() throws Exception {
        // one worker: it starts file i + 1 as soon as it has answered for file i, while the coordinator places file i
        List<InputFile> inputs = images(4, 320, 240, "png");
        BatchSummary summary = finish(Batch.start(settings(fit(100, 100), 1), inputs, events));
        assertThat(summary.done()).isEqualTo(4);
        events.assertConsistent(4);
        List<BatchEvent> all = events.all();
        for (int i = 0; i < 3; i++) {
            int job = i;
            int nextStarted = indexOf(all, e -> e instanceof BatchEvent.JobStarted s && s.job() == job + 1);
            int done = indexOf(all, e -> e instanceof BatchEvent.JobDone d && d.job() == job);
            assertThat(nextStarted).as("file %d started before file %d was placed", job + 1, job).isLessThan(done);
        }
        assertThat(events.of(BatchEvent.WorkerStarted.class)).hasSize(1);
        assertThat(TestImages.tempFiles(out)).isEmpty();
    }

    private static int indexOf(List<BatchEvent> all, java.util.function.Predicate<BatchEvent> p) {
        for (int i = 0; i < all.size(); i++) if (p.test(all.get(i))) return i;
        throw new AssertionError("no such event in " + all);
    }

    @Test
    void outOfMemoryFailsTheFileWithAMemoryMessageAndTheRestCompletes() throws Exception {
        List<InputFile> inputs = new ArrayList<>();
        inputs.add(InputFile.of(TestImages.hugePng(in.resolve("huge.png"), 8000, 8000)));
        inputs.addAll(images(2, 400, 300, "jpg"));
        // original size: the 8000x8000 source must be decoded in full (192 MiB of pixels) whatever the pipeline does
        Recipe recipe = Recipe.defaults().withResize(ResizeSpec.none());
        Batch batch = Batch.start(settings(recipe, 1).withWorkerHeapMb(64), inputs, events);
        BatchSummary summary = finish(batch);

        events.assertConsistent(3);
        assertThat(events.of(BatchEvent.JobFailed.class)).as("failures").hasSize(1);
        assertThat(summary.done()).isEqualTo(2);
        BatchEvent.JobFailed f = events.of(BatchEvent.JobFailed.class).get(0);
        assertThat(f.job()).isZero();
        assertThat(f.message()).contains("memory").contains("64 MiB");
        assertThat(events.of(BatchEvent.WorkerExited.class)).anySatisfy(e -> assertThat(e.reason()).startsWith("out of memory"));
        assertNoTempFiles(out);
    }

    @Test
    void emptyBatchFinishesAtOnceWithoutWorkers() throws Exception {
        BatchSummary summary = finish(Batch.start(settings(fit(10, 10), 2), List.of(), events));
        assertThat(summary.total()).isZero();
        assertThat(events.all()).singleElement().isInstanceOf(BatchEvent.BatchFinished.class);
    }

    @Test
    void workersThatCannotStartFailTheBatchInsteadOfHangingIt() throws Exception {
        List<InputFile> inputs = images(4, 64, 48, "png");
        WorkerCommand broken = WorkerCommand.forJava(javaExecutable(), System.getProperty("java.class.path"),
                List.of("-Xmx64m", "-Dno.such.worker=true", "io.pixpool.NoSuchWorkerMain", "--"));
        Batch batch = Batch.start(settings(fit(10, 10), 1), inputs, events, broken);
        BatchSummary summary = finish(batch);

        events.assertConsistent(4);
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(events.of(BatchEvent.JobFailed.class)).allSatisfy(f -> assertThat(f.message()).contains("worker"));
        assertThat(events.of(BatchEvent.JobFailed.class).get(3).message()).startsWith("no worker process could be started");
        assertThat(events.of(BatchEvent.WorkerStarted.class)).isEmpty();
    }

    @Test
    void workersStartThroughAnAppLauncherThatRunsMain() throws Exception {
        // stands in for a jpackage launcher: every argument goes to io.pixpool.Main, JVM options come from the env
        Path launcher = dir.resolve("launcher.sh");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + javaExecutable() + "' -cp '"
                + System.getProperty("java.class.path") + "' io.pixpool.Main \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        List<InputFile> inputs = images(3, 320, 240, "jpg");
        WorkerCommand cmd = WorkerCommand.forAppLauncher(launcher.toString(), WorkerCommand.jvmOptions(128, ""));
        BatchSummary summary = finish(Batch.start(settings(fit(100, 100), 2), inputs, events, cmd));

        events.assertConsistent(3);
        assertThat(summary.done()).isEqualTo(3);
        assertOutputsDecode(3);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Recipe fit(int w, int h) {
        return Recipe.defaults().withResize(ResizeSpec.fit(w, h));
    }

    private BatchSettings settings(Recipe recipe, int workers) {
        return BatchSettings.of(recipe, out).withWorkers(workers).withWorkerHeapMb(256);
    }

    private List<InputFile> images(int n, int w, int h, String fmt) {
        List<InputFile> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(InputFile.of(TestImages.write(in.resolve("p" + i + "." + fmt), w, h, fmt, i)));
        return list;
    }

    private static BatchSummary finish(Batch batch) throws InterruptedException {
        BatchSummary s = batch.await(LIMIT);
        assertThat(s).as("batch finished within " + LIMIT).isNotNull();
        assertThat(batch.isFinished()).isTrue();
        return s;
    }

    private long lastPidOf(int slot) {
        List<BatchEvent.WorkerStarted> ws = events.of(BatchEvent.WorkerStarted.class).stream()
                .filter(w -> w.worker() == slot).collect(Collectors.toList());
        return ws.get(ws.size() - 1).pid();
    }

    private void assertOutputsDecode(int expected) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertThat(files).hasSize(expected);
        for (Path f : files) assertThat(ImageIO.read(f.toFile())).as("%s decodes", f).isNotNull();
        for (BatchEvent.JobDone d : events.of(BatchEvent.JobDone.class)) assertThat(files).contains(d.output());
    }

    private static void assertNoTempFiles(Path root) {
        assertThat(TestImages.tempFiles(root)).isEmpty();
    }

    private static int indexOfFirst(List<BatchEvent> all, Class<? extends BatchEvent> type) {
        for (int i = 0; i < all.size(); i++) if (type.isInstance(all.get(i))) return i;
        return -1;
    }

    private static void sigstop(long pid) {
        signal("STOP", pid);
    }

    private static void signal(String name, long pid) {
        try {
            Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
