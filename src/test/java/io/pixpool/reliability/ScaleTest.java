package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import io.pixpool.core.InputScanner;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.testing.EventRecorder;
import io.pixpool.testing.TestImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ten thousand files through the pool with a flat coordinator heap; a hundred thousand entries scanned unread. */
class ScaleTest {

    private static final int FILES = 10_000;
    private static final int SCAN_ENTRIES = 100_000;

    @TempDir
    Path dir;
    @RegisterExtension
    final SourcesUnchanged sources = new SourcesUnchanged();

    @Test
    void tenThousandFilesCompleteWithAFlatCoordinatorHeap() throws Exception {
        Path in = dir.resolve("in");
        List<byte[]> variants = new ArrayList<>();
        for (int i = 0; i < 16; i++) variants.add(TestImages.encode("png", 16, 16, i));
        List<InputFile> inputs = new ArrayList<>(FILES);
        for (int i = 0; i < FILES; i++) {
            Path rel = Path.of("d" + i / 1000);
            inputs.add(new InputFile(TestImages.write(in.resolve(rel).resolve("t" + i + ".png"), variants.get(i % 16)), rel));
        }
        sources.watch(in);
        Path out = dir.resolve("out");

        // a lean listener: counting only, so the test itself does not grow with the batch
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Long> workers = new CopyOnWriteArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        Batch batch = Batch.start(BatchSettings.of(Recipe.defaults().withResize(ResizeSpec.fit(8, 8)), out)
                .withWorkers(2).withWorkerHeapMb(96), inputs, e -> {
                    if (e instanceof BatchEvent.JobDone) done.incrementAndGet();
                    if (e instanceof BatchEvent.JobFailed f) failures.add(f.job() + ": " + f.message());
                    if (e instanceof BatchEvent.WorkerStarted w) workers.add(w.pid());
                    if (EventRecorder.isTerminal(e)) ended.incrementAndGet();
                });
        long[] samples = new long[4];
        int next = 0;
        while (next < 4) {
            BatchSummary s = batch.await(Duration.ofMillis(20));
            if (ended.get() >= FILES * (next + 1) / 4 || s != null) {
                samples[next++] = usedAfterGc(memory); // at 25, 50, 75 and 100 % of the files ended
            }
        }
        BatchSummary summary = batch.await(Duration.ofMinutes(3));
        assertThat(summary).isNotNull();
        long peak = 0;
        for (long v : samples) peak = Math.max(peak, v);
        System.out.printf("scale: %d files in %.1f s (%.0f files/s) on 2 workers; coordinator heap used after GC: "
                        + "before %d KiB, at 25/50/75/100%%: %d / %d / %d / %d KiB, peak %d KiB (+%d KiB)%n",
                FILES, summary.elapsed().toMillis() / 1000.0, summary.imagesPerSecond(), baseline >> 10,
                samples[0] >> 10, samples[1] >> 10, samples[2] >> 10, samples[3] >> 10, peak >> 10, (peak - baseline) >> 10);

        assertThat(failures).isEmpty();
        assertThat(summary.done()).isEqualTo(FILES);
        assertThat(done.get()).isEqualTo(FILES);
        // flat: what the batch holds per file is small; from a quarter to the end the heap grows by < 16 MiB
        assertThat(samples[3] - samples[0]).as("heap growth from 25%% to 100%% of %d files", FILES).isLessThan(16L << 20);
        assertThat(peak - baseline).as("peak above the baseline").isLessThan(48L << 20);
        assertThat(TestImages.regularFiles(out)).hasSize(FILES);
        assertThat(TestImages.tempFiles(out)).isEmpty();
        Processes.assertAllGone(workers);
    }

    @Test
    void scanningAHundredThousandEntriesNeverOpensAFile() throws Exception {
        Path root = dir.resolve("many");
        for (int d = 0; d < SCAN_ENTRIES / 1000; d++) {
            Path folder = Files.createDirectories(root.resolve(String.format("f%03d", d)));
            for (int i = 0; i < 1000; i++) Files.createFile(folder.resolve(String.format("e%04d.jpg", i)));
        }
        // a FIFO named like an image: opening it for reading would block until a writer comes, which never happens
        Path fifo = root.resolve("f000/zz-pipe.jpg");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

        long start = System.nanoTime();
        InputScanner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> new InputScanner().scan(List.of(root, fifo), n -> { }, () -> false));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("scan: %d entries (+ 100 folders, 1 FIFO) in %.2f s%n", SCAN_ENTRIES, seconds);

        assertThat(r.images()).hasSize(SCAN_ENTRIES);
        assertThat(r.images()).noneMatch(f -> f.source().equals(fifo));
        assertThat(r.problems()).containsExactly("not a regular file: " + fifo);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
