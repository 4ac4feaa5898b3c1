package io.pixpool.batch;

import java.util.List;

/**
 * How a worker process ended, and how to say so: {@link #describe()} for the pool
 * ({@link BatchEvent.WorkerExited}), {@link #jobReason()} for the file the worker held.
 *
 * @param kill        why the coordinator killed it, null when it ended by itself
 * @param outOfMemory it reported, or its last words said, that it ran out of memory
 * @param saidGoodbye it sent the goodbye frame (it left because its stdin closed)
 * @param heapMb      its -Xmx, for the out-of-memory message
 * @param lastOutput  the last lines it wrote to stderr
 */
record WorkerExit(long pid, int exitCode, Kill kill, boolean outOfMemory, boolean saidGoodbye, int heapMb,
                  List<String> lastOutput) {

    WorkerExit {
        lastOutput = List.copyOf(lastOutput);
    }

    /** It ended on its own accord but not because it was asked to: worth a look at its output. */
    boolean unexpected() {
        return kill == null && !(saidGoodbye && exitCode == 0);
    }

    /** A kill by the coordinator: what the pool is told, and what the file's message says. */
    record Kill(Reason reason, String workerNote, String jobNote) { }

    enum Reason { TIMEOUT, CANCELLED, BAD_REPLY, NO_HELLO, UNRESPONSIVE, SHUTDOWN }

    boolean killedFor(Reason r) {
        return kill != null && kill.reason() == r;
    }

    /** E.g. "finished", "killed (timeout 60 s)", "crashed: exit 137", "out of memory (exit 3)". */
    String describe() {
        if (kill != null) return kill.workerNote();
        if (outOfMemory) return "out of memory (exit " + exitCode + ")";
        if (saidGoodbye && exitCode == 0) return "finished";
        return "crashed: exit " + exitCode;
    }

    /** Why the job the worker held did not finish, e.g. "timed out after 60 s", "worker crashed (exit 137)". */
    String jobReason() {
        if (kill != null) return kill.jobNote();
        if (outOfMemory) return "worker ran out of memory (heap " + heapMb + " MiB)";
        if (exitCode == 0) return "worker exited unexpectedly (exit 0)";
        return "worker crashed (exit " + exitCode + ")";
    }
}
