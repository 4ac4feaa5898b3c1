package io.pixpool.batch;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImageJob;
import io.pixpool.core.InputFile;
import io.pixpool.core.OutputPlacer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves a worker's finished temp file into place and ends the job. One placement at a time per batch, so two slots
 * never race for the same output name; {@link OutputPlacer} deletes a temp file it does not place. No output ever
 * replaces a source of the batch: its own (OutputPlacer checks that) nor another one (e.g. {@code c.png} converted
 * to jpg next to a source {@code c.jpg}), whose absolute and real paths are collected at the start.
 */
final class ResultPlacer {

    private final ReentrantLock lock = new ReentrantLock();
    private final ConflictPolicy policy;
    private final JobBook book;
    private final Set<Path> sources;

    ResultPlacer(ConflictPolicy policy, JobBook book, List<InputFile> inputs) {
        this.policy = policy;
        this.book = book;
        this.sources = sourcePaths(inputs);
    }

    /** Protects one more source (a file submitted to an open batch). */
    void addSource(InputFile f) {
        Set<Path> more = sourcePaths(List.of(f));
        lock.lock();
        try {
            sources.addAll(more);
        } finally {
            lock.unlock();
        }
    }

    /** Each source's absolute normalised path and, where it resolves, its real path (symlinks, case, ..). */
    private static Set<Path> sourcePaths(List<InputFile> inputs) {
        Set<Path> paths = new HashSet<>(inputs.size() * 3);
        for (InputFile f : inputs) {
            paths.add(f.source().toAbsolutePath().normalize());
            try {
                paths.add(f.source().toRealPath());
            } catch (IOException gone) {
                // a missing source fails in its worker; its path above is still protected
            }
        }
        return paths;
    }

    /** Places {@code img} and emits JobDone, JobSkipped or JobFailed; {@code startNanos} is the job's first start. */
    void place(int jobIndex, ImageJob job, EncodedImage img, long startNanos) {
        OutputPlacer.Placement placement = null;
        String problem = null;
        lock.lock();
        try {
            placement = OutputPlacer.place(img, job.outputDir(), policy, job.source(), sources::contains);
        } catch (ImageException e) {
            problem = e.getMessage() == null ? "cannot place output" : e.getMessage();
        } finally {
            lock.unlock();
        }
        if (problem != null) {
            book.failed(jobIndex, problem, millisSince(startNanos));
            return;
        }
        if (placement.skipped()) {
            book.skipped(new BatchEvent.JobSkipped(jobIndex, placement.output(), "output exists"));
        } else {
            book.done(new BatchEvent.JobDone(jobIndex, placement.output(), img.sourceWidth(), img.sourceHeight(),
                    img.width(), img.height(), img.sourceBytes(), img.bytes(), millisSince(startNanos)));
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
