package io.pixpool.batch;

import io.pixpool.core.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running batch: files dispatched to a pool of worker processes. Start one with {@link #start}; it runs on its own
 * (daemon) threads: one coordinator thread, one thread per worker slot, one stderr drain per worker and a watchdog
 * for deadlines.
 *
 * <p>Pool: {@code min(workers, files)} slots, each starting its worker process right away and taking files as soon as
 * its worker said hello (no slot waits for the others). A worker handles one file at a time; when it has answered,
 * its slot sends it the next file (unless paused or cancelled) and then moves the finished temp file into place (one
 * placement at a time), so a paused batch still finishes the files already sent. A worker that dies, runs out of
 * memory or passes the per-file timeout (it is then killed and reaped) is replaced, its temp files removed, and its
 * file tried again on the fresh worker until {@link BatchSettings#maxAttempts()} attempts are used up.
 *
 * <p>Events ({@link BatchEvent}): first {@code JobQueued} for every input, in input order; per job then
 * {@code JobStarted} (per attempt), {@code JobRetrying} (before each further attempt) and exactly one terminal event
 * ({@code JobDone}, {@code JobSkipped}, {@code JobFailed}, {@code JobCancelled}); per worker {@code WorkerStarted}
 * once it said hello and {@code WorkerExited} when it is gone (or handed on to a {@link WorkerReserve});
 * {@code BatchPaused}/{@code BatchResumed} on state changes; {@code BatchFinished} last of all, after every worker
 * process has exited or been handed on. {@code millis} of a terminal
 * event counts from the job's first {@code JobStarted} (0 if it never started). The summary counts are exactly
 * the terminal events emitted.
 *
 * <p>Threads: the listener is called on the coordinator and slot threads (several at once; events of one job come
 * from one thread at a time, in order) and on the threads calling {@link #pause()}/{@link #resume()}. It must be
 * thread-safe and quick; it may call {@link #pause()}, {@link #resume()} and {@link #cancel()}, but not
 * {@link #await()} (the batch cannot end while its listener waits).
 *
 * <p>Open batches ({@link #startOpen}) start with no files and their full pool of warm workers; files are added one
 * by one with {@link #submit} (a watch folder feeds them as they arrive), each getting the next job index and its
 * {@code JobQueued} event on the submitting thread before anything else happens to it. The batch ends once
 * {@link #closeInput()} was called and every submitted file has ended, or when it is cancelled.
 */
public final class Batch {

    private final List<InputFile> inputs;
    /** Files given at the start (0 for an open batch); later ones announce themselves in {@link #submit}. */
    private final int initial;
    private final JobQueue queue;
    private final JobBook book;
    private final ResultPlacer placer;
    private final Object submitLock = new Object();
    private boolean sealed; // guarded by submitLock: the batch is ending, submit refuses
    private final List<WorkerSlot> slots = new ArrayList<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile BatchSummary summary;

    private Batch(BatchSettings settings, List<InputFile> inputs, BatchListener listener, WorkerCommand command,
                  WorkerArchive archive, boolean open, WorkerReserve reserve) {
        this.inputs = open ? Collections.synchronizedList(new ArrayList<>(inputs)) : inputs;
        this.initial = inputs.size();
        int slotCount = open ? settings.workers() : Math.min(settings.workers(), inputs.size());
        this.queue = open ? JobQueue.open(slotCount) : new JobQueue(inputs.size(), slotCount);
        this.book = new JobBook(inputs.size(), listener);
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "pixpool-watchdog"));
        watchdog.setRemoveOnCancelPolicy(true);
        this.placer = new ResultPlacer(settings.recipe().output().onConflict(), book, inputs);
        SlotContext ctx = new SlotContext(settings, this.inputs, queue, book, placer, command, archive, watchdog,
                open, reserve);
        for (int i = 1; i <= slotCount; i++) slots.add(new WorkerSlot(i, ctx));
    }

    /** Starts the workers and begins dispatching at once; events arrive on {@code listener}. */
    public static Batch start(BatchSettings settings, List<InputFile> inputs, BatchListener listener) {
        return start(settings, inputs, listener, (WorkerReserve) null);
    }

    /**
     * Like {@link #start(BatchSettings, List, BatchListener)}, taking idle workers from {@code reserve} (workers
     * of earlier batches with the same command and heap) before starting any, and handing the idle ones on to it
     * when the batch ends normally (they get {@code WorkerExited} "kept for the next batch"); null: no reserve.
     */
    public static Batch start(BatchSettings settings, List<InputFile> inputs, BatchListener listener,
                              WorkerReserve reserve) {
        Objects.requireNonNull(settings, "settings");
        WorkerCommand command = commandFor(settings, inputs);
        return start(settings, inputs, listener, command, WorkerArchive.of(command), reserve);
    }

    /** Files whose sizes estimate a batch's input bytes: at most this many, spread over the list. */
    static final int SIZE_SAMPLES = 256;

    /**
     * The worker command of a batch of {@code inputs} with {@code settings}: its JIT depends on the input bytes each
     * worker will get ({@link WorkerCommand#C2_BYTES_PER_WORKER}), estimated from the sizes of at most
     * {@link #SIZE_SAMPLES} files spread over the list (a network folder of 10,000 files is not asked for 10,000
     * sizes before the batch starts); a file that cannot be read counts as empty.
     */
    static WorkerCommand commandFor(BatchSettings settings, List<InputFile> inputs) {
        int n = inputs.size();
        int samples = Math.min(n, SIZE_SAMPLES);
        long sampled = 0;
        for (int i = 0; i < samples; i++) {
            try {
                sampled += Files.size(inputs.get((int) ((long) i * n / samples)).source());
            } catch (IOException | SecurityException unreadable) {
                // its job will fail with the reason; it adds no work
            }
        }
        long bytes = samples == 0 ? 0 : sampled / samples * n;
        long perWorker = (bytes + settings.workers() - 1) / Math.max(1, settings.workers());
        return WorkerCommand.forCurrentProcess(settings.workerHeapMb(), Math.max(1, perWorker));
    }

    static Batch start(BatchSettings settings, List<InputFile> inputs, BatchListener listener, WorkerCommand command) {
        return start(settings, inputs, listener, command, WorkerArchive.NONE, null);
    }

    static Batch start(BatchSettings settings, List<InputFile> inputs, BatchListener listener, WorkerCommand command,
                       WorkerArchive archive, WorkerReserve reserve) {
        Objects.requireNonNull(listener, "listener");
        Batch b = new Batch(settings, List.copyOf(inputs), listener, command, archive, false, reserve);
        daemon(b::run, "pixpool-batch").start();
        return b;
    }

    /**
     * Starts an open batch: {@code settings.workers()} workers start at once and wait for files given with
     * {@link #submit}; the batch ends after {@link #closeInput()} once every submitted file has ended.
     */
    public static Batch startOpen(BatchSettings settings, BatchListener listener) {
        Objects.requireNonNull(settings, "settings");
        WorkerCommand command = WorkerCommand.forCurrentProcess(settings.workerHeapMb(), 0);
        return startOpen(settings, listener, command, WorkerArchive.of(command));
    }

    static Batch startOpen(BatchSettings settings, BatchListener listener, WorkerCommand command) {
        return startOpen(settings, listener, command, WorkerArchive.NONE);
    }

    static Batch startOpen(BatchSettings settings, BatchListener listener, WorkerCommand command,
                           WorkerArchive archive) {
        Objects.requireNonNull(listener, "listener");
        Batch b = new Batch(settings, List.of(), listener, command, archive, true, null);
        daemon(b::run, "pixpool-batch").start();
        return b;
    }

    /**
     * Adds a file to an open batch: it gets the next job index, its {@code JobQueued} is emitted on this thread, and
     * it goes to the next free worker. Empty when the batch takes no more files (not open, input closed, cancelled,
     * aborted or finished); the file is then not part of the batch.
     */
    public OptionalInt submit(InputFile file) {
        Objects.requireNonNull(file, "file");
        synchronized (submitLock) {
            if (sealed || !queue.acceptsInput()) return OptionalInt.empty();
            placer.addSource(file);
            inputs.add(file);
            int job = book.add();
            book.emit(new BatchEvent.JobQueued(job, file.source()));
            // a cancel since the check above leaves the job open: the end of the batch reports it cancelled
            queue.add(job);
            return OptionalInt.of(job);
        }
    }

    /** An open batch takes no more files and ends once the submitted ones have ended. No-op otherwise. */
    public void closeInput() {
        synchronized (submitLock) { // a submit is either in before this or refused after it
            queue.closeInput();
        }
    }

    /** Whether {@link #submit} would take a file now. */
    public boolean acceptsInput() {
        synchronized (submitLock) {
            return !sealed && queue.acceptsInput();
        }
    }

    /** Stop dispatching new files; running files finish. Emits BatchPaused if this changed anything. */
    public void pause() {
        queue.pause(() -> book.emit(new BatchEvent.BatchPaused()));
    }

    /** Dispatch again. Emits BatchResumed if the batch was paused. */
    public void resume() {
        queue.resume(() -> book.emit(new BatchEvent.BatchResumed()));
    }

    public boolean isPaused() {
        return queue.isPaused();
    }

    /**
     * Stop dispatching; running files are killed, their temp files removed, unfinished files end JobCancelled.
     * Returns at once; {@link #await()} waits for the end. Files whose result already arrived are still placed.
     */
    public void cancel() {
        if (queue.cancel()) slots.forEach(WorkerSlot::killRunning);
    }

    public boolean isCancelled() {
        return queue.isCancelled();
    }

    /** True once BatchFinished was emitted. */
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** Waits for the end of the batch (all files finished or cancelled, all workers stopped). */
    public BatchSummary await() throws InterruptedException {
        finished.await();
        return summary;
    }

    /** Like {@link #await()} with a limit; null if the batch is still running. */
    public BatchSummary await(Duration limit) throws InterruptedException {
        return finished.await(limit.toNanos(), TimeUnit.NANOSECONDS) ? summary : null;
    }

    private void run() {
        long start = System.nanoTime();
        try {
            for (int i = 0; i < initial; i++) book.emit(new BatchEvent.JobQueued(i, inputs.get(i).source()));
            List<Thread> threads = new ArrayList<>();
            for (WorkerSlot s : slots) threads.add(daemon(s, "pixpool-slot-" + (threads.size() + 1)));
            threads.forEach(Thread::start);
            threads.forEach(Batch::joinUninterruptibly);
            synchronized (submitLock) {
                sealed = true;
            }
            String abort = queue.abortReason();
            book.forEachOpen(job -> {
                if (queue.isCancelled()) book.cancelled(job);
                else book.failed(job, abort != null ? abort : "not processed", 0);
            });
        } finally {
            watchdog.shutdownNow();
            queue.close();
            summary = book.summary(Duration.ofNanos(System.nanoTime() - start));
            book.emit(new BatchEvent.BatchFinished(summary));
            finished.countDown();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
