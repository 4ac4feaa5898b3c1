package io.pixpool.batch;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Worker processes kept between the batches of one program (the window's). A batch started with a reserve that
 * ends normally hands its idle workers here instead of ending them, and the next batch with the same worker command
 * and heap takes them instead of starting JVMs: they have started up, and their JIT has compiled the pipeline for
 * the files they did, so the next batch's first files take warm-worker time instead of 0.1 s of start-up and about
 * 80 ms for a first photo. {@link #prepare} starts workers ahead of a batch (the window asks when files are added)
 * and has them warm up.
 * Workers idle for longer than the idle time are ended (the memory goes back); so are all of them on
 * {@link #close()}, which the program calls when it ends. A worker also leaves by itself when its program is gone,
 * as every worker does.
 *
 * <p>Not kept: the workers of a cancelled or aborted batch, and the one that is making the class-data archive (it
 * makes it when it exits). Thread-safe.
 */
public final class WorkerReserve implements AutoCloseable {

    /** How long a worker waits here for the next batch. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(2);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(60);

    private final Duration idle;
    private final ScheduledThreadPoolExecutor timer;
    /** Starts the workers {@link #prepare} asks for, one request after the other. */
    private final ExecutorService starter;
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
        starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pixpool-worker-prestart");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts, in the background, the workers a batch of {@code inputs} with {@code settings} would start, as
     * far as none of the same kind waits here already, and keeps them for it (the window calls this when files are
     * added, so that Start finds its workers up). Each is then asked to warm its pipeline up with the settings'
     * recipe ({@link WorkerProcess#warmUp}), so the batch's first files take warm-worker time too; a batch that takes
     * it sooner has its first file read after the warm-up. They leave after the idle time like any other.
     */
    public void prepare(BatchSettings settings, List<InputFile> inputs) {
        if (inputs.isEmpty()) return;
        List<InputFile> files = List.copyOf(inputs);
        int wanted = Math.min(settings.workers(), files.size());
        int heapMb = settings.workerHeapMb();
        try {
            // the command reads the files' sizes: on the starter thread, not the caller's
            starter.execute(() -> startMissing(Batch.commandFor(settings, files), heapMb, wanted, settings.recipe()));
        } catch (RejectedExecutionException closedAlready) {
            // closed: nothing to prepare for
        }
    }

    private void startMissing(WorkerCommand command, int heapMb, int wanted, Recipe recipe) {
        int missing;
        synchronized (this) {
            if (closed) return;
            missing = wanted - (int) kept.stream()
                    .filter(k -> k.heapMb() == heapMb && k.command().equals(command) && k.worker().isAlive()).count();
        }
        WorkerArchive archive = WorkerArchive.of(command);
        for (int i = 0; i < missing; i++) {
            WorkerArchive.Lease lease = archive.lease();
            if (lease.dump() != null) { // the archive is made by a batch's worker, whose exit a batch sees
                archive.ended(lease, null);
                lease = WorkerArchive.Lease.NONE;
            }
            WorkerProcess w;
            try {
                w = WorkerProcess.spawn(command.withOptions(lease.options()), 0, heapMb);
                w.awaitHello(HELLO_TIMEOUT, timer);
            } catch (WorkerStartException e) {
                return; // the batch will try again, and report it
            }
            w.warmUp(recipe); // a worker gone meanwhile is reaped when a batch takes it
            if (!keep(w, command, heapMb)) {
                w.shutdown(SHUTDOWN_GRACE, timer);
                return;
            }
        }
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
        try {
            timer.schedule(this::endExpired, idle.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() came in between: it has ended this worker with the others
        }
        return true;
    }

    /** How many workers wait here now. */
    public synchronized int idleWorkers() {
        return kept.size();
    }

    /** The process ids of the workers waiting here. */
    synchronized List<Long> idlePids() {
        List<Long> pids = new ArrayList<>();
        kept.forEach(k -> pids.add(k.worker().pid()));
        return pids;
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
        starter.shutdownNow();
        try {
            // a worker starting now is ended by the starting thread itself (keep refuses it); wait a moment for it
            starter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            all.forEach(this::end);
        } finally {
            timer.shutdownNow();
        }
    }
}
