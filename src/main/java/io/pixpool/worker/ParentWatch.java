package io.pixpool.worker;

import java.util.Optional;

/**
 * Checks once a second that the coordinator process still exists, on a daemon thread, and runs an action when it
 * does not. Covers the case stdin EOF cannot: a coordinator killed while this worker is busy with a job. Uses the
 * process handle (pid plus start time), so a recycled pid does not fool it.
 */
final class ParentWatch {

    private static final long PERIOD_MS = 1000;

    private ParentWatch() {
    }

    static void start(long parentPid, Runnable onGone) {
        Optional<ProcessHandle> parent = parentPid > 0 ? ProcessHandle.of(parentPid) : Optional.empty();
        Thread t = new Thread(() -> watch(parent, onGone), "pixpool-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(Optional<ProcessHandle> parent, Runnable onGone) {
        try {
            while (parent.isPresent() && parent.get().isAlive()) {
                Thread.sleep(PERIOD_MS); // a poll interval, not a wait for something to settle
            }
            onGone.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
