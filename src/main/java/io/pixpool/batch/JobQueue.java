package io.pixpool.batch;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Which job goes out next, and whether anything may go out at all: jobs are handed out in input order by a cursor
 * (no per-job queue entries, so 10,000 files cost nothing here), paused and cancelled states gate the hand-out.
 * Also counts the slots still able to run jobs: when none is left the batch is aborted with a reason.
 *
 * <p>Pause and resume run a callback under the queue lock, so their events cannot cross the end of the batch:
 * once {@link #close()} returned, nothing is paused or resumed any more.
 */
final class JobQueue {

    /** {@link #take} result: nothing more to hand out (all taken, cancelled or aborted). */
    static final int NONE = -1;
    /** {@link #take} result: the caller's wake-up condition became true. */
    static final int WAKE = -2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int total;
    /** Open queue: more jobs may be {@link #add}ed, so running out of jobs means waiting, not the end. */
    private boolean open;
    private int next;
    private int liveSlots;
    private boolean paused;
    private boolean cancelled;
    private boolean closed;
    private String abortReason;

    JobQueue(int total, int slots) {
        this.total = total;
        this.liveSlots = slots;
    }

    /** A queue that starts empty and takes jobs through {@link #add} until {@link #closeInput}. */
    static JobQueue open(int slots) {
        JobQueue q = new JobQueue(0, slots);
        q.open = true;
        return q;
    }

    /**
     * Appends job {@code index} (which must be the current total) to an open queue; false when the queue no longer
     * takes jobs (input closed, cancelled or aborted).
     */
    boolean add(int index) {
        lock.lock();
        try {
            if (!open || stopped() || closed) return false;
            if (index != total) throw new IllegalStateException("job " + index + " added as job " + total);
            total++;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** No more jobs will be added: the slots end once every job was handed out. */
    void closeInput() {
        lock.lock();
        try {
            open = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #add} may still succeed. */
    boolean acceptsInput() {
        lock.lock();
        try {
            return open && !stopped() && !closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next job index; blocks while paused (and, in an open queue, while no job is waiting). Returns {@link #NONE} when nothing is left to hand out and
     * {@link #WAKE} as soon as {@code wake} is true (checked under the lock whenever {@link #poke} is called).
     */
    int take(BooleanSupplier wake) {
        lock.lock();
        try {
            while (true) {
                if (stopped() || (next >= total && !open)) return NONE;
                if (wake.getAsBoolean()) return WAKE;
                if (!paused && next < total) return next++;
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next job if one may go out now (not paused, cancelled or aborted, and one is waiting), else {@link #NONE};
     * never blocks.
     */
    int poll() {
        lock.lock();
        try {
            return stopped() || paused || next >= total ? NONE : next++;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while paused, before a retry goes out; false when the batch was cancelled or aborted meanwhile. */
    boolean awaitDispatch() {
        lock.lock();
        try {
            while (paused && !stopped()) changed.awaitUninterruptibly();
            return !stopped();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting {@link #take} to re-check its condition. */
    void poke() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Pauses; runs {@code onChange} (under the lock) only if this changed the state. */
    void pause(Runnable onChange) {
        setPaused(true, onChange);
    }

    void resume(Runnable onChange) {
        setPaused(false, onChange);
    }

    private void setPaused(boolean p, Runnable onChange) {
        lock.lock();
        try {
            if (paused == p || closed || (p && stopped())) return;
            paused = p;
            changed.signalAll();
            onChange.run();
        } finally {
            lock.unlock();
        }
    }

    boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the hand-out for good; true the first time. */
    boolean cancel() {
        lock.lock();
        try {
            if (cancelled) return false;
            cancelled = true;
            paused = false;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** A slot gave up (its worker cannot be started); when it was the last one the batch is aborted. */
    void slotRetired(String reason) {
        lock.lock();
        try {
            if (--liveSlots <= 0 && abortReason == null) {
                abortReason = reason;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Why the batch could not go on (no slot left), or null. */
    String abortReason() {
        lock.lock();
        try {
            return abortReason;
        } finally {
            lock.unlock();
        }
    }

    /** The batch is over: later pause/resume calls do nothing. */
    void close() {
        lock.lock();
        try {
            closed = true;
            paused = false;
        } finally {
            lock.unlock();
        }
    }

    private boolean stopped() {
        return cancelled || abortReason != null;
    }
}
