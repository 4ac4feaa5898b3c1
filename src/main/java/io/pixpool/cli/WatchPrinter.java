package io.pixpool.cli;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.watch.WatchListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code batch --watch} prints on stderr: one line per processed file with the running count
 * ({@code done: a.jpg -> out/a.jpg (4000x3000 -> 1600x1200, 85 ms)  [12 done, 1 failed]}), failures and warnings
 * always, everything else not with --quiet, and the summary at the end. Serialized; called on several threads.
 */
final class WatchPrinter implements BatchListener, WatchListener {

    private final PrintStream err;
    private final boolean quiet;
    private final Map<Integer, Path> sources = new HashMap<>();
    private int done;
    private int failed;
    private int skipped;

    WatchPrinter(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onEvent(BatchEvent event) {
        if (event instanceof BatchEvent.JobQueued q) {
            sources.put(q.job(), q.source());
        } else if (event instanceof BatchEvent.JobDone d) {
            done++;
            if (!quiet) {
                line("done: " + source(d.job()) + " -> " + d.output() + " (" + d.sourceWidth() + "x" + d.sourceHeight()
                        + " -> " + d.width() + "x" + d.height() + ", " + d.millis() + " ms)" + count());
            }
        } else if (event instanceof BatchEvent.JobSkipped s) {
            skipped++;
            if (!quiet) line("skipped: " + source(s.job()) + ": " + s.reason() + " (" + s.output() + ")" + count());
        } else if (event instanceof BatchEvent.JobFailed f) {
            failed++;
            line("failed: " + source(f.job()) + ": " + f.message() + count());
        } else if (event instanceof BatchEvent.JobRetrying r) {
            if (!quiet) line("retrying: " + source(r.job()) + ": " + r.reason());
        }
    }

    @Override
    public synchronized void ignored(Path file, String reason) {
        if (!quiet) line("ignored: " + file + " (" + reason + ")");
    }

    @Override
    public synchronized void problem(String message) {
        line("warning: " + message);
    }

    /** The first line: what is watched and where outputs go. */
    synchronized void started(String what) {
        if (!quiet) line(what);
    }

    /** {@code 3 files: 2 done, 0 skipped, 1 failed, 0 cancelled; watched for 1:05} (a rate means little here). */
    synchronized void finish(BatchSummary s) {
        if (!quiet) {
            line(s.total() + (s.total() == 1 ? " file: " : " files: ") + s.done() + " done, " + s.skipped()
                    + " skipped, " + s.failed() + " failed, " + s.cancelled() + " cancelled; watched for "
                    + ProgressPrinter.clock(s.elapsed().toSeconds()));
        }
    }

    private String source(int job) {
        Path p = sources.get(job);
        return p == null ? "#" + job : p.toString();
    }

    private String count() {
        return "  [" + done + " done" + (skipped > 0 ? ", " + skipped + " skipped" : "") + ", " + failed + " failed]";
    }

    private void line(String s) {
        err.println(s);
        err.flush();
    }
}
