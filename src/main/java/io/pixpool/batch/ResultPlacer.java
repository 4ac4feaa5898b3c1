package io.pixpool.batch;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImageJob;
import io.pixpool.core.InputFile;
import io.pixpool.core.OutputPlacer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves a worker's finished temp files (one per output of the source) into place and ends the job. One placement at a time per batch, so two slots
 * never race for the same output name; {@link OutputPlacer} deletes a temp file it does not place. No output ever
 * replaces a source of the batch: its own (OutputPlacer checks that) nor another one (e.g. {@code c.png} converted
 * to jpg next to a source {@code c.jpg}), whose absolute and real paths are collected at the start.
 */
final class ResultPlacer {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(ResultPlacer.class.getName());
    }

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

    /**
     * Places every output of {@code img} (in order, under one lock hold) and emits JobDone (at least one written),
     * JobSkipped (none written) or JobFailed (an output could not be placed: the outputs after it are removed, those
     * before it stay and the message names them). {@code startNanos} is the job's first start.
     */
    void place(int jobIndex, ImageJob job, EncodedImage img, long startNanos) {
        List<EncodedImage> all = img.all();
        List<OutputResult> results = new ArrayList<>(all.size());
        String problem = null;
        lock.lock();
        try {
            for (int i = 0; i < all.size() && problem == null; i++) {
                EncodedImage e = all.get(i);
                try {
                    results.add(result(e, OutputPlacer.place(e, job.outputDir(), policy, job.source(), sources::contains)));
                } catch (ImageException ex) {
                    problem = ex.getMessage() == null ? "cannot place output" : ex.getMessage();
                    removeTemps(all.subList(i + 1, all.size()));
                    if (all.size() > 1) problem += placedSoFar(results, i, all.size());
                }
            }
        } finally {
            lock.unlock();
        }
        if (problem != null) {
            book.failed(jobIndex, problem, millisSince(startNanos));
            return;
        }
        OutputResult first = results.stream().filter(OutputResult::written).findFirst().orElse(null);
        if (first == null) {
            book.skipped(new BatchEvent.JobSkipped(jobIndex, results.get(0).output(), reasons(results), results));
        } else {
            long bytes = results.stream().filter(OutputResult::written).mapToLong(OutputResult::bytes).sum();
            book.done(new BatchEvent.JobDone(jobIndex, first.output(), img.sourceWidth(), img.sourceHeight(),
                    first.width(), first.height(), img.sourceBytes(), bytes, millisSince(startNanos), results));
        }
    }

    private static OutputResult result(EncodedImage e, OutputPlacer.Placement p) {
        if (!p.skipped()) return new OutputResult(p.output(), true, e.width(), e.height(), e.bytes(), e.quality(), e.note());
        String why = e.skipped() ? e.skipReason() : EncodedImage.EXISTS; // SKIP may also find it existing only now
        return new OutputResult(p.output(), false, e.width(), e.height(), 0, 0, why);
    }

    /** " (output 2 of 3; already written: a.jpg)". */
    private static String placedSoFar(List<OutputResult> results, int failedIndex, int total) {
        StringBuilder sb = new StringBuilder(" (output ").append(failedIndex + 1).append(" of ").append(total);
        List<String> written = results.stream().filter(OutputResult::written)
                .map(r -> String.valueOf(r.output().getFileName())).toList();
        if (!written.isEmpty()) sb.append("; already written: ").append(String.join(", ", written));
        return sb.append(')').toString();
    }

    /** The distinct reasons, e.g. "larger than original" or "output exists, larger than original". */
    private static String reasons(List<OutputResult> results) {
        Set<String> distinct = new LinkedHashSet<>();
        for (OutputResult r : results) distinct.add(r.note());
        return String.join(", ", distinct);
    }

    private static void removeTemps(List<EncodedImage> unplaced) {
        for (EncodedImage e : unplaced) {
            if (e.tempFile() == null) continue;
            try {
                Files.deleteIfExists(e.tempFile());
            } catch (IOException ex) {
                log().log(Level.WARNING, "cannot remove unplaced output " + e.tempFile() + ": " + ex.getMessage());
            }
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
