package io.pixpool.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What happens during a batch, in the order it happens for each job. {@code job} is the index of the file in the
 * list given to {@link Batch#start}. Every job ends in exactly one of JobDone, JobSkipped, JobFailed, JobCancelled.
 */
public sealed interface BatchEvent {

    /**
     * The file entered the queue (emitted for every input right after start; in an open batch, when the file is
     * submitted).
     */
    record JobQueued(int job, Path source) implements BatchEvent { }

    /** Attempt {@code attempt} (1-based) of the file was sent to worker {@code worker} (1-based slot number). */
    record JobStarted(int job, int worker, int attempt) implements BatchEvent { }

    /**
     * The file's worker died, timed out, ran out of memory or could not be started; the file is tried again on a
     * fresh worker. {@code attempt} is the number of the coming attempt (2 for the first retry), {@code reason} why
     * the last one failed (e.g. "worker crashed (exit 137)", "timed out after 60 s").
     */
    record JobRetrying(int job, int attempt, String reason) implements BatchEvent { }

    /**
     * The output is in place. Sizes come from the worker, {@code outputBytes} is the written file's size,
     * {@code millis} the coordinator's wall time from the job's first JobStarted until the output was placed.
     * With several outputs per file ({@code outputs}, at least one of them written), {@code output}, {@code width}
     * and {@code height} are the first written one's and {@code outputBytes} is the sum of all written.
     */
    record JobDone(int job, Path output, int sourceWidth, int sourceHeight, int width, int height,
                   long sourceBytes, long outputBytes, long millis, List<OutputResult> outputs) implements BatchEvent {
        public JobDone {
            outputs = List.copyOf(outputs);
        }

        public JobDone(int job, Path output, int sourceWidth, int sourceHeight, int width, int height,
                       long sourceBytes, long outputBytes, long millis) {
            this(job, output, sourceWidth, sourceHeight, width, height, sourceBytes, outputBytes, millis,
                    List.of(new OutputResult(output, true, width, height, outputBytes, 0, "")));
        }
    }

    /**
     * Nothing was written: the conflict policy SKIP found the output existing ({@code output} is the existing file),
     * or a size target skipped it ("larger than original"). {@code outputs} has every output of the file, each not
     * written, with its reason; {@code reason} sums them up.
     */
    record JobSkipped(int job, Path output, String reason, List<OutputResult> outputs) implements BatchEvent {
        public JobSkipped {
            outputs = List.copyOf(outputs);
        }

        public JobSkipped(int job, Path output, String reason) {
            this(job, output, reason, List.of(new OutputResult(output, false, 0, 0, 0, 0, reason)));
        }
    }

    /**
     * The file could not be processed: a short user-facing {@code message} (the image's problem, or after the last
     * attempt e.g. "worker crashed (exit 137) twice", "worker ran out of memory (heap 256 MiB) twice").
     * {@code millis} counts from the first JobStarted (0 if none).
     */
    record JobFailed(int job, String message, long millis) implements BatchEvent { }

    /** The batch was cancelled before the file finished; a running file's worker was killed, its temp removed. */
    record JobCancelled(int job) implements BatchEvent { }

    /**
     * Worker process {@code pid} in slot {@code worker} (1-based) said hello and takes files (or, with a
     * {@link WorkerReserve}, an earlier batch's worker was taken on).
     */
    record WorkerStarted(int worker, long pid) implements BatchEvent { }

    /**
     * A worker process ended and was reaped; {@code reason} says why: "finished" (batch over), "killed (timeout 60 s)",
     * "killed (batch cancelled)", "crashed: exit 137", "out of memory (exit 3)"; or "kept for the next batch" when it
     * was handed on to the batch's {@link WorkerReserve} alive.
     */
    record WorkerExited(int worker, long pid, String reason) implements BatchEvent { }

    record BatchPaused() implements BatchEvent { }

    record BatchResumed() implements BatchEvent { }

    /** The last event of a batch. */
    record BatchFinished(BatchSummary summary) implements BatchEvent { }
}
