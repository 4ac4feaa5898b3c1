package io.pixpool.ui;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in event source for measuring the window under a load no test could afford with real workers (thousands
 * of files a second). It emits exactly the event sequence the pool's contract describes: every job queued, then
 * started on one of {@code workers} slots and done, then the final event. Not a replacement for the pool in the
 * behaviour tests, which run real worker processes.
 */
final class SyntheticBatch implements BatchStarter {

    private final int workers;
    private final int jobsPerStep;
    private final long stepMillis;

    /** @param stepMillis 0: every event is emitted before {@code start} returns; otherwise paced in steps */
    SyntheticBatch(int workers, int jobsPerStep, long stepMillis) {
        this.workers = workers;
        this.jobsPerStep = jobsPerStep;
        this.stepMillis = stepMillis;
    }

    @Override
    public BatchHandle start(BatchSettings settings, List<InputFile> inputs, BatchListener listener) {
        CountDownLatch finished = new CountDownLatch(1);
        BatchSummary[] summary = new BatchSummary[1];
        Runnable produce = () -> {
            long t0 = System.nanoTime();
            for (int w = 1; w <= workers; w++) listener.onEvent(new BatchEvent.WorkerStarted(w, 1000 + w));
            for (int i = 0; i < inputs.size(); i++) listener.onEvent(new BatchEvent.JobQueued(i, inputs.get(i).source()));
            for (int from = 0; from < inputs.size(); from += jobsPerStep) {
                int to = Math.min(inputs.size(), from + jobsPerStep);
                for (int i = from; i < to; i++) listener.onEvent(new BatchEvent.JobStarted(i, 1 + i % workers, 1));
                if (stepMillis > 0) sleep(stepMillis);
                for (int i = from; i < to; i++) {
                    Path in = inputs.get(i).source();
                    listener.onEvent(new BatchEvent.JobDone(i, in.resolveSibling("out-" + in.getFileName()), 4000,
                            3000, 400, 300, 2_000_000, 40_000, 25));
                }
            }
            for (int w = 1; w <= workers; w++) listener.onEvent(new BatchEvent.WorkerExited(w, 1000 + w, "done"));
            summary[0] = new BatchSummary(inputs.size(), inputs.size(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - t0));
            listener.onEvent(new BatchEvent.BatchFinished(summary[0]));
            finished.countDown();
        };
        if (stepMillis == 0) {
            produce.run();
        } else {
            Thread t = new Thread(produce, "synthetic-batch");
            t.setDaemon(true);
            t.start();
        }
        return new BatchHandle() {
            @Override public void pause() { }
            @Override public void resume() { }
            @Override public void cancel() { }
            @Override public BatchSummary await() throws InterruptedException {
                finished.await();
                return summary[0];
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code n} rows for files that need not exist (the synthetic batch never reads them). */
    static List<FileRow> rows(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            Path p = Path.of("/synthetic/in/photo-" + String.format("%05d", i) + ".jpg");
            return new FileRow(InputFile.of(p), p.getParent(), 2_000_000);
        }).toList();
    }
}
