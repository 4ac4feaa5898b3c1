package io.pixpool.protocol;

import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageJob;
import io.pixpool.core.Recipe;
import java.util.Objects;

/**
 * What the coordinator and a worker say to each other. The coordinator writes {@link JobRequest}s and {@link WarmUp}s
 * to the worker's stdin; the worker writes everything else to its stdout, and nothing else goes there. A worker
 * answers each job request with exactly one {@link JobResult} or {@link JobError}, each warm-up with one
 * {@link WarmedUp}, in the order they came, carrying the request's {@code seq}.
 */
public sealed interface Message {

    /** First frame a worker writes: the protocol it speaks and its process id. */
    record Hello(int version, long pid) implements Message { }

    /** One file to process; {@code seq} is echoed by the reply so a stale or mixed-up answer is detected. */
    record JobRequest(long seq, ImageJob job) implements Message {
        public JobRequest {
            Objects.requireNonNull(job, "job");
        }
    }

    /** The job's output is complete in a temp file (or the job was skipped early, see {@link EncodedImage}). */
    record JobResult(long seq, EncodedImage image) implements Message {
        public JobResult {
            Objects.requireNonNull(image, "image");
        }
    }

    /** The job failed; {@code message} is short and meant for the user. */
    record JobError(long seq, ErrorKind kind, String message) implements Message {
        public JobError {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Asks an idle worker to run its pipeline with {@code recipe} on pictures of its own making, so that its JIT has
     * compiled the pipeline before the first real file comes (a worker reserve sends it to the workers it starts
     * ahead of a batch). Answered with {@link WarmedUp} carrying the same {@code seq}; a request written behind it is
     * read once the warm-up is over.
     */
    record WarmUp(long seq, Recipe recipe) implements Message {
        public WarmUp {
            Objects.requireNonNull(recipe, "recipe");
        }
    }

    /** The answer to {@link WarmUp}: the pipeline ran {@code runs} times (failures there do not count or matter). */
    record WarmedUp(long seq, int runs) implements Message { }

    /** Last frame of a worker that leaves because its stdin closed: tells a clean exit from a crash. */
    record Goodbye() implements Message { }

    /** Why a job failed in the worker. */
    enum ErrorKind {
        /** The file itself is the problem (not an image, truncated, too big, cannot write): no retry helps. */
        IMAGE,
        /** The worker's heap was too small for the file; the worker exits after sending this. */
        OUT_OF_MEMORY,
        /** A bug or unexpected runtime failure in the worker. */
        INTERNAL
    }
}
