package io.pixpool.ui;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Runs batches for the window: starts them through a {@link BatchStarter}, forwards pause/resume/cancel, and applies
 * their events to the rows in bulk from a {@link DrainLoop} on the FX thread. Calls into the batch happen on one
 * background thread, in order, so the FX thread never waits for the pool. All methods are for the FX thread.
 */
public final class RunController {

    private static final System.Logger LOG = System.getLogger(RunController.class.getName());
    /** Longest a single drain may keep the FX thread busy before the rest waits for the next tick. */
    static final long DRAIN_BUDGET_NANOS = 8_000_000L;
    /** When the batch has ended but its final event did not come, how long to wait for it. */
    private static final long MISSING_END_GRACE_NANOS = 2_000_000_000L;

    private final BatchStarter starter;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> daemon(r, "pixpool-batch-control"));
    private final DrainLoop loop = new DrainLoop(this::tick);

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final ReadOnlyIntegerWrapper skipped = new ReadOnlyIntegerWrapper(this, "skipped");
    private final ReadOnlyIntegerWrapper cancelled = new ReadOnlyIntegerWrapper(this, "cancelled");
    private final ReadOnlyIntegerWrapper workersAlive = new ReadOnlyIntegerWrapper(this, "workersAlive");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(this, "rate");
    private final ReadOnlyLongWrapper etaSeconds = new ReadOnlyLongWrapper(this, "etaSeconds", -1);
    private final ReadOnlyLongWrapper statusRevision = new ReadOnlyLongWrapper(this, "statusRevision");
    private final ReadOnlyObjectWrapper<BatchSummary> lastSummary = new ReadOnlyObjectWrapper<>(this, "lastSummary");

    private RunSession session;
    private EventCoalescer events;
    /** Touched only on the control thread. */
    private BatchHandle handle;
    private long endSeenAt = -1;
    private long eventsApplied;
    private long drainsWithEvents;

    public RunController(BatchStarter starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** Lets the starter get workers ready for a batch of {@code inputs} with {@code settings}; not while busy. */
    public void prepare(BatchSettings settings, List<InputFile> inputs) {
        if (state.get().isBusy() || inputs.isEmpty()) return;
        control.execute(() -> starter.prepare(settings, inputs));
    }

    /** Runs {@code rows} (job i = row i) with {@code settings}; the rows go back to queued first. */
    public void start(BatchSettings settings, List<FileRow> rows) {
        if (state.get().isBusy()) throw new IllegalStateException("a batch is already running");
        if (rows.isEmpty()) throw new IllegalArgumentException("nothing to run");
        rows.forEach(FileRow::requeue);
        EventCoalescer ev = begin(new RunSession(rows, System.nanoTime()));
        List<InputFile> inputs = rows.stream().map(FileRow::input).toList();
        control.execute(() -> launch(() -> starter.start(settings, inputs, ev), ev));
    }

    /**
     * Runs a batch that grows while it runs (a watch folder): {@code starter} starts it with the listener it is
     * given; each file that joins gets its row from {@code newRow} (on the FX thread) when its JobQueued is applied.
     * {@link #stopWatching()} ends the intake, the batch then finishes what it took.
     */
    public void startOpen(Function<io.pixpool.batch.BatchListener, WatchHandle> starter,
                          Function<BatchEvent.JobQueued, FileRow> newRow) {
        if (state.get().isBusy()) throw new IllegalStateException("a batch is already running");
        EventCoalescer ev = begin(new RunSession(List.of(), System.nanoTime(), newRow));
        control.execute(() -> launch(() -> starter.apply(ev), ev));
    }

    /** Stops the intake of a batch started with {@link #startOpen}; what it took still finishes. */
    public void stopWatching() {
        if (state.get() != RunState.RUNNING && state.get() != RunState.PAUSED) return;
        onHandle(h -> {
            if (h instanceof WatchHandle w) w.stopWatching();
        });
    }

    private EventCoalescer begin(RunSession s) {
        EventCoalescer ev = new EventCoalescer();
        events = ev;
        session = s;
        endSeenAt = -1;
        lastSummary.set(null);
        publish(System.nanoTime());
        statusRevision.set(statusRevision.get() + 1);
        state.set(RunState.RUNNING);
        loop.start();
        return ev;
    }

    private void launch(Callable<BatchHandle> starting, EventCoalescer ev) {
        BatchHandle h;
        try {
            h = starting.call();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "could not start the batch", e);
            handle = null;
            ev.failed("could not start the workers: " + message(e));
            return;
        }
        handle = h;
        Thread waiter = new Thread(() -> {
            try {
                ev.ended(h.await());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ev.failed("stopped waiting for the batch");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "the batch ended abnormally", e);
                ev.failed("the batch stopped: " + message(e));
            }
        }, "pixpool-batch-waiter");
        waiter.setDaemon(true);
        waiter.start();
    }

    public void pause() {
        if (state.get() != RunState.RUNNING) return;
        state.set(RunState.PAUSED);
        onHandle(BatchHandle::pause);
    }

    public void resume() {
        if (state.get() != RunState.PAUSED) return;
        state.set(RunState.RUNNING);
        onHandle(BatchHandle::resume);
    }

    public void cancel() {
        if (state.get() != RunState.RUNNING && state.get() != RunState.PAUSED) return;
        state.set(RunState.CANCELLING);
        onHandle(BatchHandle::cancel);
    }

    /** Cancels a running batch and stops the control thread (the window is closing). */
    public void shutdown() {
        cancel();
        loop.stop();
        control.shutdown();
    }

    private void onHandle(java.util.function.Consumer<BatchHandle> action) {
        control.execute(() -> {
            if (handle == null) return; // the batch never started; its failure is already reported
            try {
                action.accept(handle);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "batch control call failed: " + message(e));
            }
        });
    }

    /** One drain: apply what arrived, refresh counts, end the run when the batch has ended. */
    private void tick(long now) {
        RunSession s = session;
        EventCoalescer ev = events;
        if (s == null) return;
        boolean[] changed = {false};
        int n = ev.drain(e -> changed[0] |= s.apply(e, now), DRAIN_BUDGET_NANOS);
        if (n > 0) {
            eventsApplied += n;
            drainsWithEvents++;
        }
        if (changed[0]) statusRevision.set(statusRevision.get() + 1);
        publish(now);
        if (s.summary() != null && ev.isEmpty()) {
            finish(s, s.summary(), null, now);
            return;
        }
        EventCoalescer.Ending end = ev.ending();
        if (end == null || !ev.isEmpty()) return;
        if (end.error() != null) {
            finish(s, null, end.error(), now);
        } else if (endSeenAt < 0) {
            endSeenAt = now;
        } else if (now - endSeenAt > MISSING_END_GRACE_NANOS) {
            LOG.log(System.Logger.Level.WARNING, "batch ended without its final event");
            finish(s, end.summary(), null, now);
        }
    }

    private void finish(RunSession s, BatchSummary fromBatch, String failure, long now) {
        BatchSummary fromRows = s.close(failure, now);
        statusRevision.set(statusRevision.get() + 1);
        publish(now);
        loop.stop();
        session = null;
        events = null;
        etaSeconds.set(-1);
        state.set(RunState.IDLE);
        lastSummary.set(fromBatch != null && failure == null ? fromBatch : fromRows);
    }

    private void publish(long now) {
        RunSession s = session;
        total.set(s.total());
        finished.set(s.finished());
        done.set(s.count(RowStatus.DONE));
        failed.set(s.count(RowStatus.FAILED));
        skipped.set(s.count(RowStatus.SKIPPED));
        cancelled.set(s.count(RowStatus.CANCELLED));
        workersAlive.set(s.workersAlive());
        progress.set(s.total() == 0 ? 0 : (double) s.finished() / s.total());
        double r = s.rate(now);
        rate.set(r);
        int left = s.total() - s.finished();
        etaSeconds.set(r > 0 && left > 0 ? Math.round(left / r) : -1);
    }

    /** Drains the queue now instead of at the next tick (tests and the final drain). */
    void drainNow() {
        if (session != null) loop.runTick();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty skippedProperty() { return skipped.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty cancelledProperty() { return cancelled.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty workersAliveProperty() { return workersAlive.getReadOnlyProperty(); }
    /** Finished files / files in the batch, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** Images per second of running time. */
    public ReadOnlyDoubleProperty rateProperty() { return rate.getReadOnlyProperty(); }
    /** Estimated seconds left, -1 when unknown. */
    public ReadOnlyLongProperty etaSecondsProperty() { return etaSeconds.getReadOnlyProperty(); }
    /** Goes up whenever some row's status changed (lets status filters re-apply once per drain). */
    public ReadOnlyLongProperty statusRevisionProperty() { return statusRevision.getReadOnlyProperty(); }
    /** The summary of the last batch that ended; null while one runs. */
    public ReadOnlyObjectProperty<BatchSummary> lastSummaryProperty() { return lastSummary.getReadOnlyProperty(); }

    public RunState getState() { return state.get(); }

    /**
     * How the event drains went so far, for measuring the window under load.
     *
     * @param ticks             drain ticks run (at most {@value DrainLoop#HZ} a second while a batch runs)
     * @param drains            ticks that applied at least one event
     * @param events            events applied
     * @param longestTickNanos  the longest time one tick held the FX thread
     */
    public record DrainStats(long ticks, long drains, long events, long longestTickNanos) {
    }

    public DrainStats drainStats() {
        return new DrainStats(loop.ticks(), drainsWithEvents, eventsApplied, loop.longestNanos());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
