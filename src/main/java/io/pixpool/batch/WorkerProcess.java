package io.pixpool.batch;

import io.pixpool.core.Recipe;
import io.pixpool.protocol.Message;
import io.pixpool.protocol.ProtocolException;
import io.pixpool.protocol.WireFormat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker child process: start (waiting for its hello), requests and their replies in order, each with a
 * deadline from the moment it was sent, kill and reap. Waiting is always a blocking read of the worker's stdout; a
 * deadline is enforced by killing the process from the watchdog, which ends that read with EOF, so nothing ever just
 * stops waiting for a live process.
 * Every path ends in {@link #reap()}, which waits for the exit (killing if need be) and says how it ended.
 *
 * <p>Used by one slot thread; {@link #kill} may be called from any thread.
 */
final class WorkerProcess {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(WorkerProcess.class.getName());
    }
    /** How long a worker whose pipes are closed may take to exit before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final long pid;
    private final int heapMb;
    private final OutputStream toWorker;
    private final InputStream fromWorker;
    private final StderrTail stderr;
    private final AtomicReference<WorkerExit.Kill> kill = new AtomicReference<>();
    private volatile boolean outOfMemoryReported;
    private boolean saidGoodbye;
    /** Warm-ups sent whose answer has not been read yet: the next reply read is theirs first. */
    private int warmUpsPending;
    private long warmUpSeq;

    private WorkerProcess(Process process, int heapMb, String name) {
        this.process = process;
        this.pid = process.pid();
        this.heapMb = heapMb;
        this.toWorker = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromWorker = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderr = StderrTail.start(process.getErrorStream(), name + " pid " + pid);
    }

    /** Starts a worker process; then call {@link #awaitHello} (the split lets a cancel kill a starting worker). */
    static WorkerProcess spawn(WorkerCommand command, int slot, int heapMb) throws WorkerStartException {
        try {
            return new WorkerProcess(command.builder(ProcessHandle.current().pid()).start(), heapMb, "worker " + slot);
        } catch (IOException e) {
            throw new WorkerStartException("cannot run " + command.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the worker's hello. On failure the process is killed and reaped and the exception says why in a
     * short sentence.
     */
    void awaitHello(Duration helloTimeout, ScheduledExecutorService watchdog) throws WorkerStartException {
        String seconds = Durations.format(helloTimeout);
        ScheduledFuture<?> deadline = watchdog.schedule(() -> kill(WorkerExit.Reason.NO_HELLO,
                "killed (no hello within " + seconds + ")", "worker did not start within " + seconds),
                helloTimeout.toMillis(), TimeUnit.MILLISECONDS);
        String problem;
        try {
            Message m = WireFormat.read(fromWorker);
            if (m instanceof Message.Hello h && h.version() == WireFormat.VERSION) return;
            problem = m instanceof Message.Hello h ? "protocol version " + h.version() + ", expected " + WireFormat.VERSION
                    : m == null ? "it ended before saying hello" : "it sent " + m.getClass().getSimpleName();
        } catch (IOException e) {
            problem = "bad hello: " + e.getMessage();
        } finally {
            deadline.cancel(false);
        }
        kill(WorkerExit.Reason.BAD_REPLY, "killed (" + problem + ")", "worker could not start");
        WorkerExit exit = reap();
        if (exit.kill() != null && exit.kill().reason() != WorkerExit.Reason.BAD_REPLY) problem = exit.kill().jobNote();
        List<String> output = stderr.lines();
        log().log(Level.WARNING, "worker pid {0} did not start ({1}, exit {2}); its output: {3}",
                new Object[] {pid, problem, exit.exitCode(), output});
        String last = output.isEmpty() ? "" : "; last output: " + output.get(output.size() - 1);
        throw new WorkerStartException(problem + " (exit " + exit.exitCode() + last + ")", null);
    }

    long pid() {
        return pid;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code action} once the process has exited (on a JDK thread). */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /**
     * Sends the request and waits for its reply, at most {@code timeout} (then the worker is killed). Returns the
     * {@link Message.JobResult} or {@link Message.JobError}, or null when the worker died, was killed or sent
     * nonsense; then call {@link #reap()}.
     */
    Message call(Message.JobRequest request, Duration timeout, ScheduledExecutorService watchdog) {
        Call c = send(request, timeout, watchdog);
        return c == null ? null : await(c);
    }

    /** A request on its way to the worker, whose deadline runs from the moment it was sent. */
    record Call(Message.JobRequest request, ScheduledFuture<?> deadline) {
    }

    /**
     * Sends the request, starting its deadline of {@code timeout}; then {@link #await} its reply. Null when it could
     * not be written (the worker is gone: nothing reached it).
     */
    Call send(Message.JobRequest request, Duration timeout, ScheduledExecutorService watchdog) {
        String limit = Durations.format(timeout);
        ScheduledFuture<?> deadline = watchdog.schedule(() -> kill(WorkerExit.Reason.TIMEOUT,
                "killed (timeout " + limit + ")", "timed out after " + limit), timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (write(request)) return new Call(request, deadline);
        deadline.cancel(false);
        return null;
    }

    /** Writes one frame to the worker; false when its pipe is closed (the worker is gone: nothing reached it). */
    private boolean write(Message m) {
        try {
            WireFormat.write(toWorker, m);
            return true;
        } catch (IOException e) {
            log().log(Level.FINE, "worker pid {0}: pipe closed: {1}", new Object[] {pid, e.getMessage()});
            return false;
        }
    }

    /**
     * Asks the idle worker to warm its pipeline up with {@code recipe} ({@link Message.WarmUp}) without waiting for
     * it: the answer is read before the reply to the next request, or before the goodbye, so a request may be sent
     * at once (the worker reads it when the warm-up is over). False when the worker is gone.
     */
    boolean warmUp(Recipe recipe) {
        if (!write(new Message.WarmUp(--warmUpSeq, recipe))) return false;
        warmUpsPending++;
        return true;
    }

    /** Whether a warm-up was sent whose answer has not been read yet. */
    boolean warmUpPending() {
        return warmUpsPending > 0;
    }

    /**
     * Reads the answers to the warm-ups sent before. True when they all came; false when the worker ended first, or
     * sent something else (then it is killed for a bad reply).
     */
    private boolean readWarmUps() throws IOException {
        while (warmUpsPending > 0) {
            Message m = WireFormat.read(fromWorker);
            if (m == null) return false;
            // warm-ups count down from -1, so the oldest one pending is the one answered first
            if (!(m instanceof Message.WarmedUp w) || w.seq() != warmUpSeq + warmUpsPending - 1) {
                badReply("unexpected " + m.getClass().getSimpleName());
                return false;
            }
            warmUpsPending--;
        }
        return true;
    }

    /** The reply to a sent request, as {@link #call} returns it. */
    Message await(Call call) {
        long seq = call.request().seq();
        try {
            if (!readWarmUps()) return null;
            Message m = WireFormat.read(fromWorker);
            if (m instanceof Message.JobResult r && r.seq() == seq) return m;
            if (m instanceof Message.JobError e && e.seq() == seq) {
                if (e.kind() == Message.ErrorKind.OUT_OF_MEMORY) outOfMemoryReported = true;
                return m;
            }
            if (m != null) badReply("unexpected " + m.getClass().getSimpleName());
            return null;
        } catch (ProtocolException e) {
            badReply(e.getMessage());
            return null;
        } catch (IOException e) {
            log().log(Level.FINE, "worker pid {0}: pipe closed: {1}", new Object[] {pid, e.getMessage()});
            return null;
        } finally {
            call.deadline().cancel(false);
        }
    }

    private void badReply(String what) {
        kill(WorkerExit.Reason.BAD_REPLY, "killed (bad reply: " + what + ")", "worker sent a bad reply (" + what + ")");
    }

    /** Kills the process (SIGKILL) if no kill was requested before; the first reason given is the one reported. */
    void kill(WorkerExit.Reason reason, String workerNote, String jobNote) {
        kill.compareAndSet(null, new WorkerExit.Kill(reason, workerNote, jobNote));
        process.destroyForcibly();
    }

    /** Asks an idle worker to leave (closes its stdin), kills it if it does not within {@code grace}; reaps it. */
    WorkerExit shutdown(Duration grace, ScheduledExecutorService watchdog) {
        ScheduledFuture<?> deadline = watchdog.schedule(() -> kill(WorkerExit.Reason.SHUTDOWN,
                "killed (did not exit within " + Durations.format(grace) + ")", "worker did not exit"),
                grace.toMillis(), TimeUnit.MILLISECONDS);
        try {
            toWorker.close();
            saidGoodbye = readWarmUps() && WireFormat.read(fromWorker) instanceof Message.Goodbye;
        } catch (IOException e) {
            log().log(Level.FINE, "worker pid {0} left without goodbye: {1}", new Object[] {pid, e.getMessage()});
        } finally {
            deadline.cancel(false);
        }
        return reap();
    }

    /** Waits for the process to exit (killing it if it lingers), closes its pipes and says how it ended. */
    WorkerExit reap() {
        boolean interrupted = false;
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(WorkerExit.Reason.UNRESPONSIVE, "killed (not responding)", "worker stopped responding");
            }
        } catch (InterruptedException e) {
            interrupted = true;
            kill(WorkerExit.Reason.UNRESPONSIVE, "killed (interrupted)", "worker stopped responding");
        }
        process.onExit().join(); // after SIGKILL the exit is certain and quick
        try {
            stderr.awaitEnd(2000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        closeQuietly(toWorker);
        closeQuietly(fromWorker);
        if (interrupted) Thread.currentThread().interrupt();
        boolean oom = outOfMemoryReported || stderr.mentions("OutOfMemoryError");
        return new WorkerExit(pid, process.exitValue(), kill.get(), oom, saidGoodbye, heapMb, stderr.lines());
    }

    private void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            log().log(Level.FINE, "worker pid {0}: close: {1}", new Object[] {pid, e.getMessage()});
        }
    }
}
