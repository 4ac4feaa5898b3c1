package io.pixpool.batch;

import io.pixpool.core.ImageJob;
import io.pixpool.core.InputFile;
import io.pixpool.core.TempFiles;
import io.pixpool.protocol.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One place in the pool (numbered from 1), run on its own thread: takes a job, makes sure it has a live worker
 * (starting a fresh one when needed), sends the job, and ends it. When the worker has answered, the next job (if one
 * may go out) is sent before the answer is dealt with, so the worker makes the next file while the last one is
 * moved into place. When the worker dies, times out or runs out of
 * memory while holding the job, the worker is reaped, its temp files in the job's folder removed, and the job tried
 * again on a fresh worker in this slot, up to {@link BatchSettings#maxAttempts()} attempts. A worker that dies
 * while idle is noticed at once (its exit wakes the slot) and replaced when the next job comes. With a
 * {@link WorkerReserve}, a worker is taken from it before one is started, and the idle worker is handed on to it
 * when the batch ends normally.
 */
final class WorkerSlot implements Runnable {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(WorkerSlot.class.getName());
    }
    private static final int MAX_START_FAILURES = 3;
    /** The WorkerExited reason of a worker handed on to a {@link WorkerReserve}. */
    static final String KEPT = "kept for the next batch";
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final int number;
    private final SlotContext ctx;
    /** The slot's worker; touched by the slot thread only. */
    private WorkerProcess worker;
    /** What {@link #worker} was started with from the class-data archive. */
    private WorkerArchive.Lease lease = WorkerArchive.Lease.NONE;
    /** Folder of the last job sent to {@link #worker}: where its temp files may be. */
    private Path workerDir;
    /** The worker while it holds a job, for {@link #killRunning()} from other threads. */
    private volatile WorkerProcess busy;
    private int startFailures;
    private boolean retired;
    private long seq;
    private int currentJob = -1;
    private long firstStartNanos;
    /** The next job, already sent to {@link #worker} (see {@link #sendNext}); null when there is none. */
    private Ahead ahead;

    /** A job sent before the previous one was placed: its request on the way and when it went out. */
    private record Ahead(int job, ImageJob imageJob, WorkerProcess.Call call, long startNanos) {
    }

    WorkerSlot(int number, SlotContext ctx) {
        this.number = number;
        this.ctx = ctx;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException e) {
            log().log(Level.SEVERE, "worker slot " + number + " failed", e);
            if (currentJob >= 0) ctx.book().failed(currentJob, "internal error: " + e, 0);
            if (ahead != null && ahead.job() != currentJob) ctx.book().failed(ahead.job(), "internal error: " + e, 0);
            retired = true;
            ctx.queue().slotRetired("internal error: " + e);
        } finally {
            if (worker != null && !handOn()) retire(true);
        }
    }

    /**
     * At the end of a batch that was neither cancelled nor aborted, hands the idle worker on to the reserve (if the
     * batch has one, the worker is alive and is not making the class-data archive, which happens at its exit). Its
     * temp files go as in {@link #retire}; true when it was handed on.
     */
    private boolean handOn() {
        WorkerReserve reserve = ctx.reserve();
        WorkerProcess w = worker;
        if (reserve == null || retired || lease.dump() != null || ctx.queue().isCancelled()
                || ctx.queue().abortReason() != null || !w.isAlive()) {
            return false;
        }
        if (!reserve.keep(w, ctx.command(), ctx.settings().workerHeapMb())) return false;
        worker = null;
        removeTempFiles(w);
        ctx.book().emit(new BatchEvent.WorkerExited(number, w.pid(), KEPT));
        return true;
    }

    /** Kills the worker if it holds a job (batch cancelled); the slot thread then reports the job cancelled. */
    void killRunning() {
        WorkerProcess w = busy;
        if (w != null) w.kill(WorkerExit.Reason.CANCELLED, "killed (batch cancelled)", "cancelled");
    }

    private void loop() {
        if (ctx.warm() && !ctx.queue().isCancelled()) {
            try {
                // the first file may come much later: meanwhile the worker has its JIT compile the pipeline
                ensureWorker().warmUp(ctx.settings().recipe());
            } catch (WorkerStartException e) {
                log().log(Level.WARNING, "worker " + number + " could not start ahead of the first file: " + e.getMessage());
            }
        }
        while (!retired) {
            int job = ahead != null ? ahead.job() : ctx.queue().take(() -> worker != null && !worker.isAlive());
            if (job == JobQueue.WAKE) {
                retire(false);
            } else if (job == JobQueue.NONE) {
                return;
            } else {
                currentJob = job;
                runJob(job);
                currentJob = -1;
            }
        }
    }

    private void runJob(int job) {
        BatchSettings s = ctx.settings();
        ImageJob imageJob = ahead != null ? ahead.imageJob() : imageJob(job);
        firstStartNanos = 0;
        String last = null;
        boolean allSame = true;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && !ctx.queue().awaitDispatch()) {
                if (ctx.queue().isCancelled()) ctx.book().cancelled(job);
                else ctx.book().failed(job, last, millis());
                return;
            }
            String failure = attempt(job, imageJob, attempt);
            if (failure == null) return;
            if (ctx.queue().isCancelled()) { // the attempt was cut short by the cancel, or ended as it came
                ctx.book().cancelled(job);
                return;
            }
            allSame &= last == null || last.equals(failure);
            last = failure;
            if (attempt >= s.maxAttempts() || retired) {
                ctx.book().failed(job, finalMessage(last, allSame, attempt), millis());
                return;
            }
            ctx.book().emit(new BatchEvent.JobRetrying(job, attempt + 1, failure));
        }
    }

    private ImageJob imageJob(int job) {
        BatchSettings s = ctx.settings();
        InputFile in = ctx.inputs().get(job);
        return new ImageJob(in.source(), in.outputDir(s.outputRoot()), job + 1, s.recipe());
    }

    /** One attempt; null when the job has ended (an event was emitted), else why the attempt failed. */
    private String attempt(int job, ImageJob imageJob, int attempt) {
        WorkerProcess w;
        Message reply;
        Ahead sent = ahead;
        ahead = null;
        if (sent != null && sent.call() != null) { // went out with the previous job's answer (see sendNext)
            w = worker;
            firstStartNanos = sent.startNanos();
            reply = w.await(sent.call());
        } else {
            try {
                w = ensureWorker();
            } catch (WorkerStartException e) {
                return "worker could not start: " + e.getMessage();
            }
            if (!claim(w, job)) return null;
            if (firstStartNanos == 0) firstStartNanos = System.nanoTime();
            ctx.book().emit(new BatchEvent.JobStarted(job, number, attempt));
            workerDir = imageJob.outputDir();
            reply = w.call(new Message.JobRequest(++seq, imageJob), ctx.settings().timeout(), ctx.watchdog());
        }
        busy = null;
        if (reply instanceof Message.JobResult r) {
            sendNext(w);
            ctx.placer().place(job, imageJob, r.image(), firstStartNanos);
            return null;
        }
        if (reply instanceof Message.JobError e && e.kind() != Message.ErrorKind.OUT_OF_MEMORY) {
            sendNext(w);
            ctx.book().failed(job, e.message(), millis());
            return null;
        }
        WorkerExit exit = retire(false);
        if (exit.killedFor(WorkerExit.Reason.CANCELLED)) {
            ctx.book().cancelled(job);
            return null;
        }
        return exit.jobReason();
    }

    /**
     * Right after the worker answered and before the answer is dealt with (placing an output takes a few syscalls,
     * far more on a network share): sends the worker the next job if one may go out now (not paused or cancelled),
     * so it is busy again at once. The worker runs it as it would have after the placement; its deadline runs from
     * now. A request that cannot be written (the worker just died) is left for the next attempt to send again.
     */
    private void sendNext(WorkerProcess w) {
        int next = ctx.queue().poll();
        if (next == JobQueue.NONE) return;
        ImageJob imageJob = imageJob(next);
        if (!claim(w, next)) return;
        WorkerProcess.Call call = w.send(new Message.JobRequest(++seq, imageJob), ctx.settings().timeout(),
                ctx.watchdog());
        if (call == null) {
            busy = null;
            ahead = new Ahead(next, imageJob, null, 0);
            return;
        }
        long start = System.nanoTime();
        workerDir = imageJob.outputDir();
        ctx.book().emit(new BatchEvent.JobStarted(next, number, 1));
        ahead = new Ahead(next, imageJob, call, start);
    }

    /**
     * Marks {@code w} busy with {@code job} unless the batch is cancelled, checked after marking: cancel() sees one
     * or the other. False when cancelled (the job is then reported cancelled).
     */
    private boolean claim(WorkerProcess w, int job) {
        busy = w;
        if (!ctx.queue().isCancelled()) return true;
        busy = null;
        ctx.book().cancelled(job);
        return false;
    }

    private WorkerProcess ensureWorker() throws WorkerStartException {
        if (worker != null && worker.isAlive()) return worker;
        if (worker != null) retire(false);
        WorkerProcess kept = ctx.reserve() == null ? null
                : ctx.reserve().take(ctx.command(), ctx.settings().workerHeapMb());
        if (kept != null) { // an earlier batch's worker, warm already
            startFailures = 0;
            worker = kept;
            lease = WorkerArchive.Lease.NONE;
            kept.onExit(ctx.queue()::poke);
            ctx.book().emit(new BatchEvent.WorkerStarted(number, kept.pid()));
            return kept;
        }
        WorkerArchive.Lease l = ctx.archive().lease();
        try {
            WorkerProcess w = WorkerProcess.spawn(ctx.command().withOptions(l.options()), number,
                    ctx.settings().workerHeapMb());
            busy = w; // a cancel during start-up kills it
            try {
                if (ctx.queue().isCancelled()) w.kill(WorkerExit.Reason.CANCELLED, "killed (batch cancelled)", "cancelled");
                w.awaitHello(HELLO_TIMEOUT, ctx.watchdog());
            } finally {
                busy = null;
            }
            startFailures = 0;
            worker = w;
            lease = l;
            w.onExit(ctx.queue()::poke);
            ctx.book().emit(new BatchEvent.WorkerStarted(number, w.pid()));
            return w;
        } catch (WorkerStartException e) {
            ctx.archive().ended(l, null); // reaped already, or never started
            if (++startFailures >= MAX_START_FAILURES && !ctx.queue().isCancelled()) {
                retired = true;
                ctx.queue().slotRetired("no worker process could be started: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Ends the current worker (politely when idle and {@code graceful}), removes its temp files, reports it. */
    private WorkerExit retire(boolean graceful) {
        WorkerProcess w = worker;
        worker = null;
        WorkerExit exit = graceful && w.isAlive() ? w.shutdown(SHUTDOWN_GRACE, ctx.watchdog()) : w.reap();
        ctx.archive().ended(lease, exit);
        lease = WorkerArchive.Lease.NONE;
        removeTempFiles(w);
        if (exit.unexpected()) {
            log().log(Level.WARNING, "worker {0} (pid {1}) {2}; its last output: {3}",
                    new Object[] {number, w.pid(), exit.describe(), exit.lastOutput()});
        }
        ctx.book().emit(new BatchEvent.WorkerExited(number, w.pid(), exit.describe()));
        return exit;
    }

    /** Removes the worker's temp files from the folder of the last job it was sent. */
    private void removeTempFiles(WorkerProcess w) {
        if (workerDir == null) return;
        try {
            TempFiles.removeAll(workerDir, w.pid());
        } catch (IOException e) {
            log().log(Level.WARNING, "cannot remove temp files of worker pid " + w.pid() + " in " + workerDir
                    + ": " + e.getMessage());
        }
        workerDir = null;
    }

    private long millis() {
        return firstStartNanos == 0 ? 0 : ResultPlacer.millisSince(firstStartNanos);
    }

    /** "worker crashed (exit 137) twice", "timed out after 60 s (3 attempts)". */
    static String finalMessage(String last, boolean allSame, int attempts) {
        if (attempts == 1) return last;
        if (allSame) return last + (attempts == 2 ? " twice" : " " + attempts + " times");
        return last + " (" + attempts + " attempts)";
    }
}
