package io.pixpool.worker;

import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImagePipeline;
import io.pixpool.core.PipelineWarmUp;
import io.pixpool.core.TempFiles;
import io.pixpool.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one job request through the pipeline and turns the outcome into the reply frame. A failed job's temp files
 * are removed here: those named for that job ({@link TempFiles#prefix(long, long)} with the request's sequence
 * number). A reported temp file belongs to the coordinator, which sends the next job as soon as it has the reply and
 * then places the reported file while this worker runs that job: so the folder may hold the previous job's reported
 * file too, which is not this job's to remove.
 */
final class JobRunner {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(JobRunner.class.getName());
    }

    /**
     * How long a warm-up may run: about the extra time a fresh worker's first photos take (measured: a window's first
     * batch of 16 photos took 0.34 s with fresh workers, 0.22 s once each had done four photos).
     */
    static final Duration WARM_UP_BUDGET = Duration.ofMillis(600);

    private final long pid;
    private final ImagePipeline pipeline = new ImagePipeline();
    /** Released on OutOfMemoryError so building and sending the reply has room. */
    private byte[] reserve = new byte[256 * 1024];
    /** The job in progress: where its temp files go and their name prefix; null between jobs. */
    private volatile JobFiles current;
    private volatile Path warmUpDir;
    /**
     * The temp files of the last two results reported: the coordinator's to place. It places a result while this
     * worker runs the next job, so when a request comes every result but the last one is placed. If any is still
     * there when stdin closes or the coordinator is gone, nobody will place it.
     */
    private volatile List<Path> reported = List.of();
    private volatile List<Path> reportedBefore = List.of();

    private record JobFiles(Path dir, String prefix) {
    }

    JobRunner(long pid) {
        this.pid = pid;
    }

    Message run(Message.JobRequest request) {
        String prefix = TempFiles.prefix(pid, request.seq());
        current = new JobFiles(request.job().outputDir(), prefix);
        reportedBefore = reported; // a new request: the results before the last one are placed
        reported = List.of();
        try {
            EncodedImage img = pipeline.process(request.job(), prefix);
            reported = img.tempFiles();
            return new Message.JobResult(request.seq(), img);
        } catch (ImageException e) {
            // decoders may wrap an OutOfMemoryError (PNG: "Caught exception during read")
            if (causedByOutOfMemory(e)) return outOfMemory(request);
            removeJobTempFiles();
            return new Message.JobError(request.seq(), Message.ErrorKind.IMAGE, userMessage(e));
        } catch (OutOfMemoryError e) {
            return outOfMemory(request);
        } catch (RuntimeException e) {
            if (causedByOutOfMemory(e)) return outOfMemory(request);
            log().log(Level.SEVERE, "job failed unexpectedly: " + request.job().source(), e);
            removeJobTempFiles();
            return new Message.JobError(request.seq(), Message.ErrorKind.INTERNAL,
                    "internal error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            current = null;
        }
    }

    /**
     * Runs the pipeline on generated photos with the request's recipe for at most {@link #WARM_UP_BUDGET} (see
     * {@link PipelineWarmUp}), in a temp folder of its own that it removes. Never fails: the answer says how many
     * runs were made.
     */
    Message warmUp(Message.WarmUp request) {
        int runs = 0;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pixpool-warmup-");
            warmUpDir = dir;
            runs = PipelineWarmUp.run(pipeline, request.recipe(), WARM_UP_BUDGET, dir,
                    TempFiles.prefix(pid, request.seq()));
        } catch (IOException e) {
            log().log(Level.FINE, "no warm-up: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // the generated photos are small next to a heap of at least 64 MiB; the jobs will tell
        } finally {
            warmUpDir = null;
            if (dir != null) PipelineWarmUp.remove(dir);
        }
        return new Message.WarmedUp(request.seq(), runs);
    }

    /** Deletes the folder of a warm-up in progress, if any (its coordinator is gone). Safe from any thread. */
    void removeWarmUpFolder() {
        Path dir = warmUpDir;
        if (dir != null) PipelineWarmUp.remove(dir);
    }

    private Message outOfMemory(Message.JobRequest request) {
        reserve = null;
        removeJobTempFiles();
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        return new Message.JobError(request.seq(), Message.ErrorKind.OUT_OF_MEMORY,
                "ran out of memory (worker heap " + maxMb + " MiB)");
    }

    private static boolean causedByOutOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** Deletes the temp files of the job in progress, if any. Safe from any thread. */
    void removeJobTempFiles() {
        JobFiles job = current;
        if (job == null) return;
        try {
            TempFiles.removeAll(job.dir(), job.prefix());
        } catch (IOException e) {
            log().log(Level.WARNING, "cannot remove temp files in " + job.dir() + ": " + e.getMessage());
        }
    }

    /**
     * Deletes the reported temp files still there: call only when the coordinator can no longer place them (stdin
     * closed, coordinator gone). Safe from any thread.
     */
    void removeUnplacedResults() {
        List<Path> temps = new ArrayList<>(reportedBefore);
        temps.addAll(reported);
        reportedBefore = List.of();
        reported = List.of();
        for (Path tmp : temps) {
            try {
                if (Files.deleteIfExists(tmp)) log().log(Level.WARNING, "removed unplaced output " + tmp);
            } catch (IOException e) {
                log().log(Level.WARNING, "cannot remove unplaced output " + tmp + ": " + e.getMessage());
            }
        }
    }

    private static String userMessage(ImageException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "cannot process the image" : m;
    }
}
