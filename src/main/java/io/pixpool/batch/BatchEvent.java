package io.pixpool.batch;

import java.nio.file.Path;

/**
 * What happens during a batch, in the order it happens for each job. {@code job} is the index of the file in the
 * list given to {@link Batch#start}. Every job ends in exactly one of JobDone, JobSkipped, JobFailed, JobCancelled.
 */
public sealed interface BatchEvent {

    /** The file entered the queue (emitted for every input right after start). */
    record JobQueued(int job, Path source) implements BatchEvent { }

    /** Attempt {@code attempt} (1-based) of the file was sent to worker {@code worker} (1-based slot number). */
    record JobStarted(int job, int worker, int attempt) implements BatchEvent { }

    /** The file's worker died or timed out; it goes back to the queue for another attempt. */
    record JobRetrying(int job, int attempt, String reason) implements BatchEvent { }

    record JobDone(int job, Path output, int sourceWidth, int sourceHeight, int width, int height,
                   long sourceBytes, long outputBytes, long millis) implements BatchEvent { }

    /** Not written because of the conflict policy SKIP; {@code output} is the existing file. */
    record JobSkipped(int job, Path output, String reason) implements BatchEvent { }

    record JobFailed(int job, String message, long millis) implements BatchEvent { }

    record JobCancelled(int job) implements BatchEvent { }

    record WorkerStarted(int worker, long pid) implements BatchEvent { }

    /** A worker process ended; {@code reason} says why (e.g. "killed (timeout 60 s)", "crashed: exit 137"). */
    record WorkerExited(int worker, long pid, String reason) implements BatchEvent { }

    record BatchPaused() implements BatchEvent { }

    record BatchResumed() implements BatchEvent { }

    /** The last event of a batch. */
    record BatchFinished(BatchSummary summary) implements BatchEvent { }
}
