package io.pixpool.ui;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchEvent.BatchFinished;
import io.pixpool.batch.BatchEvent.BatchPaused;
import io.pixpool.batch.BatchEvent.BatchResumed;
import io.pixpool.batch.BatchEvent.JobCancelled;
import io.pixpool.batch.BatchEvent.JobDone;
import io.pixpool.batch.BatchEvent.JobFailed;
import io.pixpool.batch.BatchEvent.JobQueued;
import io.pixpool.batch.BatchEvent.JobRetrying;
import io.pixpool.batch.BatchEvent.JobSkipped;
import io.pixpool.batch.BatchEvent.JobStarted;
import io.pixpool.batch.BatchEvent.WorkerExited;
import io.pixpool.batch.BatchEvent.WorkerStarted;
import io.pixpool.batch.BatchSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One batch seen from the window: which row each job index stands for, and the counts so far. Applies events to
 * rows (on the FX thread); an event that would break a row's state machine is logged and ignored.
 */
final class RunSession {

    private static final System.Logger LOG = System.getLogger(RunSession.class.getName());

    private final List<FileRow> rows;
    /** Makes the row of a file that joined the running batch (a watch folder's arrival); null: rows are fixed. */
    private final Function<JobQueued, FileRow> newRow;
    private final Map<RowStatus, Integer> ended = new EnumMap<>(RowStatus.class);
    private final long startNanos;
    private long pausedSince = -1;
    private long pausedNanos;
    private int workersAlive;
    private BatchSummary summary;

    /** @param rows the batch's files: job {@code i} is {@code rows.get(i)} */
    RunSession(List<FileRow> rows, long startNanos) {
        this(rows, startNanos, null);
    }

    /** @param newRow makes the row of each job queued after the start (job index = next row), or null */
    RunSession(List<FileRow> rows, long startNanos, Function<JobQueued, FileRow> newRow) {
        this.rows = newRow == null ? List.copyOf(rows) : new ArrayList<>(rows);
        this.newRow = newRow;
        this.startNanos = startNanos;
    }

    List<FileRow> rows() { return newRow == null ? rows : List.copyOf(rows); }
    int total() { return rows.size(); }
    int count(RowStatus s) { return ended.getOrDefault(s, 0); }
    int finished() { return count(RowStatus.DONE) + count(RowStatus.FAILED) + count(RowStatus.SKIPPED) + count(RowStatus.CANCELLED); }
    int workersAlive() { return workersAlive; }
    /** The batch's own summary once its last event arrived; null before. */
    BatchSummary summary() { return summary; }
    boolean isPaused() { return pausedSince >= 0; }

    /** Time spent running (pauses excluded) up to {@code now}. */
    long activeNanos(long now) {
        long paused = pausedNanos + (pausedSince >= 0 ? now - pausedSince : 0);
        return Math.max(0, now - startNanos - paused);
    }

    /** Files finished (not cancelled) per second of running time. */
    double rate(long now) {
        double s = activeNanos(now) / 1e9;
        int n = count(RowStatus.DONE) + count(RowStatus.SKIPPED) + count(RowStatus.FAILED);
        return s < 0.5 || n == 0 ? 0 : n / s;
    }

    /** Applies one event; true when a row's status changed. */
    boolean apply(BatchEvent e, long now) {
        if (e instanceof JobStarted) {
            JobStarted s = (JobStarted) e;
            FileRow r = row(s.job());
            if (r == null || !move(r, RowStatus.RUNNING, e)) return false;
            r.setWorker(s.worker());
            r.setMessage(s.attempt() > 1 ? "attempt " + s.attempt() : "");
            return true;
        } else if (e instanceof JobDone) {
            JobDone d = (JobDone) e;
            FileRow r = row(d.job());
            if (r == null || !move(r, RowStatus.DONE, e)) return false;
            r.setResult(new Dims(d.sourceWidth(), d.sourceHeight()), d.sourceBytes(), new Dims(d.width(), d.height()),
                    d.outputBytes());
            r.setMillis(d.millis());
            r.setOutput(d.output());
            r.setOutputs(new OutputSizes(new Dims(d.width(), d.height()), d.outputs().size(),
                    OutputsText.sizes(d.outputs())), OutputsText.qualities(d.outputs()));
            r.setMessage(OutputsText.notes(d.outputs()));
            return true;
        } else if (e instanceof JobFailed) {
            JobFailed f = (JobFailed) e;
            FileRow r = row(f.job());
            if (r == null || !move(r, RowStatus.FAILED, e)) return false;
            r.setMessage(f.message());
            r.setMillis(f.millis());
            return true;
        } else if (e instanceof JobSkipped) {
            JobSkipped s = (JobSkipped) e;
            FileRow r = row(s.job());
            if (r == null || !move(r, RowStatus.SKIPPED, e)) return false;
            r.setOutput(s.output());
            r.setMessage(s.reason());
            return true;
        } else if (e instanceof JobRetrying) {
            JobRetrying t = (JobRetrying) e;
            FileRow r = row(t.job());
            if (r == null || !move(r, RowStatus.QUEUED, e)) return false;
            r.setMessage("retrying (" + t.reason() + ")");
            return true;
        } else if (e instanceof JobCancelled) {
            FileRow r = row(((JobCancelled) e).job());
            return r != null && move(r, RowStatus.CANCELLED, e);
        } else if (e instanceof JobQueued) {
            JobQueued q = (JobQueued) e;
            if (newRow == null || q.job() != rows.size()) return false; // every row is queued before the batch starts
            rows.add(newRow.apply(q));
            return true;
        } else if (e instanceof WorkerStarted) {
            workersAlive++;
        } else if (e instanceof WorkerExited) {
            workersAlive = Math.max(0, workersAlive - 1);
        } else if (e instanceof BatchPaused) {
            if (pausedSince < 0) pausedSince = now;
        } else if (e instanceof BatchResumed) {
            resumed(now);
        } else if (e instanceof BatchFinished) {
            resumed(now);
            summary = ((BatchFinished) e).summary();
        }
        return false;
    }

    /**
     * Ends every row the batch left unfinished (only when it ended without its last events): {@code failure} null
     * marks them cancelled, otherwise failed with that message. Returns the summary of what the rows show.
     */
    BatchSummary close(String failure, long now) {
        for (FileRow r : rows) {
            if (r.getStatus().isFinal()) continue;
            RowStatus to = failure == null ? RowStatus.CANCELLED : RowStatus.FAILED;
            if (move(r, to, null) && failure != null) r.setMessage(failure);
        }
        resumed(now);
        return new BatchSummary(total(), count(RowStatus.DONE), count(RowStatus.FAILED), count(RowStatus.SKIPPED),
                count(RowStatus.CANCELLED), Duration.ofNanos(now - startNanos));
    }

    private void resumed(long now) {
        if (pausedSince >= 0) {
            pausedNanos += now - pausedSince;
            pausedSince = -1;
        }
    }

    private FileRow row(int job) {
        if (job >= 0 && job < rows.size()) return rows.get(job);
        LOG.log(System.Logger.Level.WARNING, "event for unknown job " + job + " of " + rows.size());
        return null;
    }

    private boolean move(FileRow r, RowStatus to, BatchEvent cause) {
        RowStatus from = r.getStatus();
        if (!r.moveTo(to)) {
            LOG.log(System.Logger.Level.WARNING, "ignored " + cause + ": " + r.getName() + " is " + from);
            return false;
        }
        if (to.isFinal()) ended.merge(to, 1, Integer::sum);
        return true;
    }
}
