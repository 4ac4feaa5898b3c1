package io.pixpool.cli;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a batch prints on stderr: one line per failure (always), a one-line progress bar redrawn in place at most
 * ten times a second (only on a terminal, not with --quiet), and the summary line at the end (not with --quiet).
 * Events arrive on several coordinator threads; printing is serialized here and each call is short.
 */
final class ProgressPrinter implements BatchListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintStream err;
    private final List<InputFile> inputs;
    private final boolean bar;
    private final boolean quiet;
    private final LongSupplier clock;
    private final long start;
    private int finished;
    private int failed;
    private long lastDraw;
    private boolean redrawNow = true;
    private int drawnLength;

    /**
     * @param bar   draw the progress bar (stderr is a terminal)
     * @param clock nanosecond clock (System::nanoTime)
     */
    ProgressPrinter(PrintStream err, List<InputFile> inputs, boolean bar, boolean quiet, LongSupplier clock) {
        this.err = err;
        this.inputs = List.copyOf(inputs);
        this.bar = bar && !quiet;
        this.quiet = quiet;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void onEvent(BatchEvent event) {
        int before = finished;
        if (event instanceof BatchEvent.JobFailed) {
            BatchEvent.JobFailed e = (BatchEvent.JobFailed) event;
            finished++;
            failed++;
            printLine("failed: " + source(e.job()) + ": " + e.message());
        } else if (event instanceof BatchEvent.JobRetrying) {
            BatchEvent.JobRetrying e = (BatchEvent.JobRetrying) event;
            if (!quiet) printLine("retrying: " + source(e.job()) + ": " + e.reason());
        } else if (event instanceof BatchEvent.JobDone || event instanceof BatchEvent.JobSkipped
                || event instanceof BatchEvent.JobCancelled) {
            finished++;
        } else if (event instanceof BatchEvent.BatchFinished) {
            clearBar();
            return;
        }
        long now = clock.getAsLong();
        boolean last = finished != before && finished == inputs.size();
        if (bar && (redrawNow || last || now - lastDraw >= REDRAW_NANOS)) {
            lastDraw = now;
            redrawNow = false;
            String line = bar(finished, inputs.size(), failed, (now - start) / 1e9);
            err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            err.flush();
            drawnLength = line.length();
        }
    }

    /** Clears the bar and prints the summary line (unless quiet). */
    synchronized void finish(BatchSummary s) {
        clearBar();
        if (!quiet) err.println(summary(s));
        err.flush();
    }

    /** A message line that must not be mixed into the bar. */
    synchronized void printLine(String line) {
        clearBar();
        err.println(line);
        err.flush();
    }

    private void clearBar() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
            redrawNow = true;
        }
    }

    private String source(int job) {
        return job >= 0 && job < inputs.size() ? inputs.get(job).source().toString() : "#" + job;
    }

    /** {@code [#####.....] 57/114  3 failed  41.2 img/s  ETA 0:02}. */
    static String bar(int finished, int total, int failed, double seconds) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) finished * BAR_WIDTH / total);
        StringBuilder sb = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled))
                .append("] ").append(finished).append('/').append(total);
        if (failed > 0) sb.append("  ").append(failed).append(" failed");
        double rate = seconds > 0 ? finished / seconds : 0;
        sb.append(String.format(Locale.ROOT, "  %.1f img/s  ETA ", rate));
        sb.append(rate > 0 ? clock(Math.round((total - finished) / rate)) : "-:--");
        return sb.toString();
    }

    /** {@code 114 files: 112 done, 1 skipped, 1 failed, 0 cancelled in 2.7 s (41.5 images/s)}. */
    static String summary(BatchSummary s) {
        return String.format(Locale.ROOT, "%d %s: %d done, %d skipped, %d failed, %d cancelled in %.1f s (%.1f images/s)",
                s.total(), s.total() == 1 ? "file" : "files", s.done(), s.skipped(), s.failed(), s.cancelled(),
                s.elapsed().toMillis() / 1000.0, s.imagesPerSecond());
    }

    /** m:ss below an hour, h:mm:ss above. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
