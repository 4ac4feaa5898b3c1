package io.pixpool.cli;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.watch.FolderWatch;
import io.pixpool.batch.watch.WatchSettings;
import io.pixpool.core.InputFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code batch --watch}: starts the pool, watches the INPUT folders and processes what arrives until Ctrl-C (the
 * shutdown hook cancels the batch: running files are killed, only complete outputs remain, no worker outlives us)
 * or until a watched folder goes away (exit status 1). Then writes the report and the summary.
 */
final class WatchRun {

    private final PrintStream err;

    WatchRun(PrintStream err) {
        this.err = err;
    }

    int run(BatchRequest req, WatchSettings watch, CancelOnInterrupt interrupt) throws UsageException {
        Path outRoot = req.settings().outputRoot();
        BatchCommand.createOutputFolder(outRoot);
        WatchPrinter printer = new WatchPrinter(err, req.quiet());
        List<BatchEvent> log = new ArrayList<>();
        BatchListener listener = req.report() == null ? printer : e -> {
            synchronized (log) {
                if (e instanceof BatchEvent.JobQueued || isEnd(e)) log.add(e);
            }
            printer.onEvent(e);
        };
        if (interrupt.interrupted()) return BatchCommand.EXIT_FAILED;
        FolderWatch fw;
        try {
            fw = FolderWatch.start(watch, req.settings(), listener, printer);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--watch: " + e.getMessage());
        } catch (IOException e) {
            err.println("error: cannot watch " + watch.folders().get(0) + ": " + BatchCommand.reason(e));
            return BatchCommand.EXIT_FAILED;
        }
        interrupt.attach(fw.batch());
        Path excluded = FolderWatch.excludedOutput(watch.folders(), outRoot);
        printer.started("watching " + watch.folders().stream().map(Path::toString).collect(Collectors.joining(", "))
                + " (and subfolders) -> " + outRoot + (watch.includeExisting() ? "; images already there too" : "")
                + (excluded != null ? "; the output folder inside it is not watched" : "") + ". Ctrl-C stops.");
        BatchSummary summary;
        try {
            summary = fw.await();
        } catch (InterruptedException e) {
            fw.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching", e);
        }
        if (req.report() != null) {
            try (Writer w = BatchCommand.openReport(req.report())) {
                report(log).write(w);
            } catch (IOException e) {
                err.println("error: cannot write report " + req.report() + ": " + BatchCommand.reason(e));
                return BatchCommand.EXIT_FAILED;
            }
        }
        printer.finish(summary);
        // only Ctrl-C ends a watch as planned (the JVM then exits 130); anything else (the folder went away, no
        // worker could start) is a failure
        return summary.success() && interrupt.interrupted() ? BatchCommand.EXIT_OK : BatchCommand.EXIT_FAILED;
    }

    private static boolean isEnd(BatchEvent e) {
        return e instanceof BatchEvent.JobDone || e instanceof BatchEvent.JobSkipped
                || e instanceof BatchEvent.JobFailed || e instanceof BatchEvent.JobCancelled;
    }

    /** The CSV report of the files that arrived, in arrival order. */
    private static CsvReport report(List<BatchEvent> log) {
        List<BatchEvent> events;
        synchronized (log) {
            events = List.copyOf(log);
        }
        List<InputFile> inputs = events.stream().filter(e -> e instanceof BatchEvent.JobQueued)
                .map(e -> InputFile.of(((BatchEvent.JobQueued) e).source())).toList();
        CsvReport r = new CsvReport(inputs);
        events.forEach(r::onEvent);
        return r;
    }
}
