package io.pixpool.cli;

import io.pixpool.batch.Batch;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a batch: a shutdown hook cancels the batch (running files are killed and their temp
 * files removed, so only complete outputs remain and no worker outlives us) and holds the JVM until the command has
 * written its report and summary, at most {@code grace}.
 */
final class CancelOnInterrupt implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintStream err;
    private final Duration grace;
    private Batch batch; // guarded by this
    private boolean interrupted; // guarded by this

    private CancelOnInterrupt(PrintStream err, Duration grace) {
        this.err = err;
        this.grace = grace;
        this.hook = new Thread(this::onShutdown, "pixpool-cancel-on-interrupt");
    }

    static CancelOnInterrupt install(PrintStream err, Duration grace) {
        CancelOnInterrupt c = new CancelOnInterrupt(err, grace);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** The batch to cancel; cancelled at once if the interrupt came while it was starting. */
    synchronized void attach(Batch b) {
        batch = b;
        if (interrupted) b.cancel();
    }

    synchronized boolean interrupted() {
        return interrupted;
    }

    private void onShutdown() {
        Batch b;
        synchronized (this) {
            interrupted = true;
            b = batch;
        }
        if (finished.getCount() == 0) return;
        err.println();
        err.println("interrupted: cancelling...");
        if (b != null) b.cancel();
        try {
            if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("interrupted: gave up waiting for the batch after " + grace.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done (report and summary written): lets a pending shutdown proceed, removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and returns now that finished is set
            return;
        }
    }
}
