package io.pixpool.batch;

import io.pixpool.core.Recipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a batch runs.
 *
 * @param recipe       how each image is processed
 * @param outputRoot   output folder; inputs' relative folders are recreated below it
 * @param workers      number of worker processes, 1..64
 * @param maxAttempts  attempts per file when its worker dies or times out (>= 1; default 2)
 * @param timeout      per-file time limit; past it the worker is killed and replaced
 * @param workerHeapMb -Xmx of each worker in MiB (see {@link #defaultWorkerHeapMb})
 */
public record BatchSettings(Recipe recipe, Path outputRoot, int workers, int maxAttempts, Duration timeout,
                            int workerHeapMb) {

    public static final int MAX_WORKERS = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public BatchSettings {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(timeout, "timeout");
        if (workers < 1 || workers > MAX_WORKERS) throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ", was " + workers);
        if (maxAttempts < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + maxAttempts);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (workerHeapMb < 64) throw new IllegalArgumentException("worker heap must be >= 64 MiB, was " + workerHeapMb);
    }

    public static int defaultWorkers() {
        return Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
    }

    /** Settings with default workers, attempts, timeout and heap. */
    public static BatchSettings of(Recipe recipe, Path outputRoot) {
        int w = defaultWorkers();
        return new BatchSettings(recipe, outputRoot, w, 2, DEFAULT_TIMEOUT, defaultWorkerHeapMb(w));
    }

    public BatchSettings withWorkers(int n) { return new BatchSettings(recipe, outputRoot, n, maxAttempts, timeout, workerHeapMb); }
    public BatchSettings withMaxAttempts(int n) { return new BatchSettings(recipe, outputRoot, workers, n, timeout, workerHeapMb); }
    public BatchSettings withTimeout(Duration t) { return new BatchSettings(recipe, outputRoot, workers, maxAttempts, t, workerHeapMb); }
    public BatchSettings withWorkerHeapMb(int mb) { return new BatchSettings(recipe, outputRoot, workers, maxAttempts, timeout, mb); }
    public BatchSettings withRecipe(Recipe r) { return new BatchSettings(r, outputRoot, workers, maxAttempts, timeout, workerHeapMb); }
    public BatchSettings withOutputRoot(Path p) { return new BatchSettings(recipe, p, workers, maxAttempts, timeout, workerHeapMb); }

    /** Default worker heap for {@code workers} workers: implemented with the pool (see README). */
    public static int defaultWorkerHeapMb(int workers) {
        return WorkerHeap.defaultMb(workers);
    }
}
