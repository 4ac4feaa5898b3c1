package io.pixpool.batch;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImageJob;
import io.pixpool.core.OutputPlacer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a worker's finished temp file into place and ends the job. One placement at a time per batch, so two slots
 * never race for the same output name; a temp file that is not placed is deleted.
 */
final class ResultPlacer {

    private static final Logger LOG = Logger.getLogger(ResultPlacer.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final ConflictPolicy policy;
    private final JobBook book;

    ResultPlacer(ConflictPolicy policy, JobBook book) {
        this.policy = policy;
        this.book = book;
    }

    /** Places {@code img} and emits JobDone, JobSkipped or JobFailed; {@code startNanos} is the job's first start. */
    void place(int jobIndex, ImageJob job, EncodedImage img, long startNanos) {
        OutputPlacer.Placement placement = null;
        String problem = null;
        lock.lock();
        try {
            placement = OutputPlacer.place(img, job.outputDir(), policy, job.source());
        } catch (ImageException e) {
            problem = e.getMessage() == null ? "cannot place output" : e.getMessage();
        } finally {
            lock.unlock();
        }
        if (problem != null) {
            deleteTemp(img);
            book.failed(jobIndex, problem, millisSince(startNanos));
            return;
        }
        if (placement.skipped()) {
            deleteTemp(img);
            book.skipped(new BatchEvent.JobSkipped(jobIndex, placement.output(), "output exists"));
        } else {
            book.done(new BatchEvent.JobDone(jobIndex, placement.output(), img.sourceWidth(), img.sourceHeight(),
                    img.width(), img.height(), img.sourceBytes(), img.bytes(), millisSince(startNanos)));
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void deleteTemp(EncodedImage img) {
        if (img.tempFile() == null) return;
        try {
            Files.deleteIfExists(img.tempFile());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete temp file " + img.tempFile() + ": " + e.getMessage());
        }
    }
}
