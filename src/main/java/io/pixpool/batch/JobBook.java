package io.pixpool.batch;

import java.time.Duration;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The batch's events and the one byte per job that says whether the job has ended. A terminal event
 * (done, skipped, failed, cancelled) is emitted only by the call that ends the job, so each job ends exactly once
 * and the summary counts are the terminal events emitted. A listener that throws is logged, never allowed to break
 * the batch.
 */
final class JobBook {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(JobBook.class.getName());
    }
    private static final byte OPEN = 0;
    private static final byte DONE = 1;
    private static final byte SKIPPED = 2;
    private static final byte FAILED = 3;
    private static final byte CANCELLED = 4;

    private final BatchListener listener;
    private byte[] state; // guarded by this; grows in open batches
    private int size; // guarded by this
    private final int[] counts = new int[5];

    JobBook(int total, BatchListener listener) {
        this.listener = listener;
        this.state = new byte[Math.max(total, 16)];
        this.size = total;
    }

    /** Adds an open job (an open batch got another file); returns its index. */
    synchronized int add() {
        if (size == state.length) state = java.util.Arrays.copyOf(state, state.length * 2);
        return size++;
    }

    /** Emits a non-terminal event. */
    void emit(BatchEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log().log(Level.WARNING, "batch listener failed on " + event, e);
        }
    }

    void done(BatchEvent.JobDone e) {
        end(e.job(), DONE, e);
    }

    void skipped(BatchEvent.JobSkipped e) {
        end(e.job(), SKIPPED, e);
    }

    void failed(int job, String message, long millis) {
        end(job, FAILED, new BatchEvent.JobFailed(job, message, millis));
    }

    void cancelled(int job) {
        end(job, CANCELLED, new BatchEvent.JobCancelled(job));
    }

    private void end(int job, byte how, BatchEvent event) {
        synchronized (this) {
            if (job >= size || state[job] != OPEN) {
                log().warning(() -> "job " + job + " already ended; dropping " + event);
                return;
            }
            state[job] = how;
            counts[how]++;
        }
        emit(event);
    }

    /** Calls {@code action} for every job that has not ended (call when no slot runs any more). */
    void forEachOpen(IntConsumer action) {
        for (int i = 0; ; i++) {
            boolean open;
            synchronized (this) {
                if (i >= size) return;
                open = state[i] == OPEN;
            }
            if (open) action.accept(i);
        }
    }

    synchronized BatchSummary summary(Duration elapsed) {
        return new BatchSummary(size, counts[DONE], counts[FAILED], counts[SKIPPED], counts[CANCELLED], elapsed);
    }
}
