package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of random workers, again and again, during a batch of a few hundred files: nothing is lost or doubled. */
class WorkerKillStormTest {

    private static final int FILES = 300;
    private static final int MIN_KILLS = 8;
    private static final int MAX_ATTEMPTS = 3;
    /** Files ended between two kills: 12 kill points over the batch, so at least MIN_KILLS land mid-batch. */
    private static final int KILL_EVERY = FILES / (MIN_KILLS + 4);

    @TempDir
    Path dir;
    @RegisterExtension
    final SourcesUnchanged sources = new SourcesUnchanged();

    /** What each slot is doing, from the events: its worker's pid and the attempt it holds (0: idle). */
    private record SlotState(long pid, int job, int attempt) {
    }

    @Test
    void everyFileIsDoneExactlyOnceWhileWorkersKeepGettingKilled() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        List<byte[]> variants = new ArrayList<>();
        for (int i = 0; i < 10; i++) variants.add(TestImages.encode(i % 2 == 0 ? "jpg" : "png", 640, 480, i));
        List<InputFile> inputs = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String ext = i % 2 == 0 ? "jpg" : "png";
            Path sub = in.resolve("part" + i % 3);
            inputs.add(new InputFile(TestImages.write(sub.resolve(String.format("f%03d.%s", i, ext)), variants.get(i % 10)),
                    Path.of("part" + i % 3)));
        }
        sources.watch(in);

        EventRecorder events = new EventRecorder();
        Map<Integer, SlotState> slots = new ConcurrentHashMap<>();
        AtomicInteger ended = new AtomicInteger();
        events.react(e -> {
            if (EventRecorder.isTerminal(e)) ended.incrementAndGet();
            if (e instanceof BatchEvent.WorkerStarted w) slots.put(w.worker(), new SlotState(w.pid(), -1, 0));
            if (e instanceof BatchEvent.JobStarted s) slots.computeIfPresent(s.worker(), (k, v) -> new SlotState(v.pid(), s.job(), s.attempt()));
            if (EventRecorder.isTerminal(e) || e instanceof BatchEvent.JobRetrying) {
                int job = EventRecorder.jobOf(e);
                slots.replaceAll((k, v) -> v.job() == job ? new SlotState(v.pid(), -1, 0) : v);
            }
        });
        BatchSettings settings = BatchSettings.of(Recipe.defaults().withResize(ResizeSpec.fit(160, 160)), out)
                .withWorkers(2).withMaxAttempts(MAX_ATTEMPTS).withWorkerHeapMb(128).withTimeout(Duration.ofSeconds(60));
        Batch batch = Batch.start(settings, inputs, events);

        // the fault injector, paced by progress rather than by the clock (a fast machine would otherwise finish
        // between two kills): each time another KILL_EVERY files have ended, a random live worker gets SIGKILL,
        // busy or idle, but never one holding a file on its last attempt (that file would rightly fail; here
        // every file must get done)
        Random random = new Random(42);
        List<Long> killed = new ArrayList<>();
        int nextKillAt = KILL_EVERY;
        while (!batch.isFinished()) {
            Thread.sleep(10);
            if (ended.get() < nextKillAt) continue;
            List<SlotState> candidates = slots.values().stream()
                    .filter(s -> s.attempt() < MAX_ATTEMPTS)
                    .filter(s -> !killed.contains(s.pid()))
                    .collect(Collectors.toList());
            if (candidates.isEmpty() || batch.isFinished()) continue;
            SlotState victim = candidates.get(random.nextInt(candidates.size()));
            Optional<ProcessHandle> h = ProcessHandle.of(victim.pid());
            if (h.isPresent() && h.get().destroyForcibly()) { // SIGKILL on Linux
                killed.add(victim.pid());
                nextKillAt += KILL_EVERY;
            }
        }
        BatchSummary summary = batch.await(Duration.ofMinutes(2));
        assertThat(summary).as("batch finished").isNotNull();
        System.out.printf("kill storm: %d files, %d workers killed with SIGKILL, %d retries, %d workers started, %.1f s%n",
                FILES, killed.size(), events.of(BatchEvent.JobRetrying.class).size(),
                events.of(BatchEvent.WorkerStarted.class).size(), summary.elapsed().toMillis() / 1000.0);

        events.assertConsistent(FILES);
        assertThat(summary.done()).as("files done (lost: %s)", events.of(BatchEvent.JobFailed.class)).isEqualTo(FILES);
        // a kill that lands while the batch is already saying goodbye to that worker counts as its normal end
        List<BatchEvent.WorkerExited> exits = events.of(BatchEvent.WorkerExited.class).stream()
                .filter(x -> killed.contains(x.pid())).collect(Collectors.toList());
        assertThat(exits).allSatisfy(x -> assertThat(x.reason()).isIn("crashed: exit 137", "finished"));
        assertThat(exits).filteredOn(x -> x.reason().equals("crashed: exit 137")).as("faults injected mid-batch")
                .hasSizeGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(events.of(BatchEvent.JobRetrying.class))
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("worker crashed (exit 137)"));

        // exactly once: one output per input at its own name (a second placement would have made name-1.jpg)
        List<Path> outputs = TestImages.regularFiles(out);
        List<Path> expected = inputs.stream().map(f -> f.outputDir(out).resolve(f.source().getFileName()))
                .sorted().collect(Collectors.toList());
        assertThat(outputs).containsExactlyElementsOf(expected);
        assertThat(events.of(BatchEvent.JobDone.class)).extracting(BatchEvent.JobDone::output)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(TestImages.undecodable(outputs)).as("outputs that do not decode").isEmpty();
        assertThat(TestImages.tempFiles(out)).as("temp files left").isEmpty();
        Processes.assertAllGone(events.workerPids());
    }
}
