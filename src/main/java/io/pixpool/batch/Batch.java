package io.pixpool.batch;

import io.pixpool.core.InputFile;
import java.time.Duration;
import java.util.List;

/**
 * A running batch: files dispatched to a pool of worker processes. Start one with {@link #start}; it runs on its own
 * threads. SKELETON: implemented by the pool work.
 */
public final class Batch {

    /** Starts the workers and begins dispatching at once; events arrive on {@code listener}. */
    public static Batch start(BatchSettings settings, List<InputFile> inputs, BatchListener listener) {
        throw new UnsupportedOperationException("pool not implemented yet");
    }

    /** Stop dispatching new files; running files finish. */
    public void pause() { throw new UnsupportedOperationException(); }

    public void resume() { throw new UnsupportedOperationException(); }

    public boolean isPaused() { throw new UnsupportedOperationException(); }

    /** Stop dispatching; running files are killed, their temp files removed, unfinished files end JobCancelled. */
    public void cancel() { throw new UnsupportedOperationException(); }

    /** Waits for the end of the batch (all files finished or cancelled, all workers stopped). */
    public BatchSummary await() throws InterruptedException { throw new UnsupportedOperationException(); }

    /** Like {@link #await()} with a limit; null if the batch is still running. */
    public BatchSummary await(Duration limit) throws InterruptedException { throw new UnsupportedOperationException(); }
}
