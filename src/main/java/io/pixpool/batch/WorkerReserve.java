package io.pixpool.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Worker processes kept between the batches of one program (the window's). A batch started with a reserve that
 * ends normally hands its idle workers here instead of ending them, and the next batch with the same worker command
 * and heap takes them instead of starting JVMs: they have started up, and their JIT has compiled the pipeline for
 * the files they did, so the next batch's first files take warm-worker time instead of 0.1 s of start-up and about
 * 80 ms for a first photo. Workers idle for longer than the idle time are ended (the memory goes back); so are all
 * of them on {@link #close()}, which the program calls when it ends. A worker also leaves by itself when its
 * program is gone, as every worker does.
 *
 * <p>Not kept: the workers of a cancelled or aborted batch, and the one that is making the class-data archive (it
 * makes it when it exits). Thread-safe.
 */
public final class WorkerReserve implements AutoCloseable {

    /** How long a worker waits here for the next batch. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(2);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Duration idle;
    private final ScheduledThreadPoolExecutor timer;
    private final List<Kept> kept = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    private record Kept(WorkerProcess worker, WorkerCommand command, int heapMb, long since) { }

    public WorkerReserve() {
        this(DEFAULT_IDLE);
    }

    public WorkerReserve(Duration idle) {
        if (idle.isNegative()) throw new IllegalArgumentException("negative idle time");
        this.idle = idle;
        // two threads: ending a worker waits for its goodbye while its deadline may have to fire on the other
        timer = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "pixpool-worker-reserve");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * A live idle worker started with {@code command} and {@code heapMb}, taken out of the reserve; null when there
     * is none. Kept workers that died meanwhile are reaped on the way.
     */
    WorkerProcess take(WorkerCommand command, int heapMb) {
        List<WorkerProcess> dead = new ArrayList<>();
        WorkerProcess found = null;
        synchronized (this) {
            for (Iterator<Kept> i = kept.iterator(); i.hasNext(); ) {
                Kept k = i.next();
                if (!k.worker().isAlive()) {
                    i.remove();
                    dead.add(k.worker());
                } else if (found == null && k.heapMb() == heapMb && k.command().equals(command)) {
                    i.remove();
                    found = k.worker();
                }
            }
        }
        dead.forEach(WorkerProcess::reap);
        return found;
    }

    /** Keeps an idle live worker for the next batch; false when the reserve is closed (the caller ends it). */
    boolean keep(WorkerProcess worker, WorkerCommand command, int heapMb) {
        synchronized (this) {
            if (closed) return false;
            kept.add(new Kept(worker, command, heapMb, System.nanoTime()));
        }
        timer.schedule(this::endExpired, idle.toMillis() + 1, TimeUnit.MILLISECONDS);
        return true;
    }

    /** How many workers wait here now. */
    public synchronized int idleWorkers() {
        return kept.size();
    }

    private void endExpired() {
        List<WorkerProcess> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            for (Iterator<Kept> i = kept.iterator(); i.hasNext(); ) {
                Kept k = i.next();
                if (now - k.since() >= idle.toNanos() || !k.worker().isAlive()) {
                    i.remove();
                    expired.add(k.worker());
                }
            }
        }
        expired.forEach(this::end);
    }

    private void end(WorkerProcess w) {
        if (w.isAlive()) w.shutdown(SHUTDOWN_GRACE, timer);
        else w.reap();
    }

    /** Ends every waiting worker (politely: each is told to leave, and killed if it does not) and keeps no more. */
    @Override
    public void close() {
        List<WorkerProcess> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>();
            kept.forEach(k -> all.add(k.worker()));
            kept.clear();
        }
        try {
            all.forEach(this::end);
        } finally {
            timer.shutdownNow();
        }
    }
}
