package io.pixpool.worker;

import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImagePipeline;
import io.pixpool.core.TempFiles;
import io.pixpool.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one job request through the pipeline and turns the outcome into the reply frame. A failed job's temp files
 * are removed here. A reported temp file belongs to the coordinator, which places it before it sends the next job,
 * so while a job runs the only temp files of this worker in the folder are that job's.
 */
final class JobRunner {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(JobRunner.class.getName());
    }

    private final long pid;
    private final ImagePipeline pipeline = new ImagePipeline();
    /** Released on OutOfMemoryError so building and sending the reply has room. */
    private byte[] reserve = new byte[256 * 1024];
    private volatile Path currentDir;
    /**
     * The temp files of the last result reported: the coordinator's to place, which it does before it sends the next
     * job or closes our stdin. If they are still there when stdin closes or the coordinator is gone, nobody will.
     */
    private volatile List<Path> reported = List.of();

    JobRunner(long pid) {
        this.pid = pid;
    }

    Message run(Message.JobRequest request) {
        Path dir = request.job().outputDir();
        currentDir = dir;
        reported = List.of(); // a new request: the coordinator has placed the last result
        try {
            EncodedImage img = pipeline.process(request.job(), TempFiles.prefix(pid));
            reported = img.tempFiles();
            return new Message.JobResult(request.seq(), img);
        } catch (ImageException e) {
            // decoders may wrap an OutOfMemoryError (PNG: "Caught exception during read")
            if (causedByOutOfMemory(e)) return outOfMemory(request);
            removeTempFiles();
            return new Message.JobError(request.seq(), Message.ErrorKind.IMAGE, userMessage(e));
        } catch (OutOfMemoryError e) {
            return outOfMemory(request);
        } catch (RuntimeException e) {
            if (causedByOutOfMemory(e)) return outOfMemory(request);
            log().log(Level.SEVERE, "job failed unexpectedly: " + request.job().source(), e);
            removeTempFiles();
            return new Message.JobError(request.seq(), Message.ErrorKind.INTERNAL,
                    "internal error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            currentDir = null;
        }
    }

    private Message outOfMemory(Message.JobRequest request) {
        reserve = null;
        removeTempFiles();
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

    /** Deletes this worker's temp files in the folder of the job in progress, if any. Safe from any thread. */
    void removeTempFiles() {
        Path dir = currentDir;
        if (dir == null) return;
        try {
            TempFiles.removeAll(dir, pid);
        } catch (IOException e) {
            log().log(Level.WARNING, "cannot remove temp files in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Deletes the last reported temp file if it is still there: call only when the coordinator can no longer place it
     * (stdin closed, coordinator gone). Safe from any thread.
     */
    void removeUnplacedResult() {
        List<Path> temps = reported;
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
