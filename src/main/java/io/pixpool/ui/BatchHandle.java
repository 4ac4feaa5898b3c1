package io.pixpool.ui;

import io.pixpool.batch.BatchSummary;

/** What the window does with a running batch: the calls it needs from {@link io.pixpool.batch.Batch}. */
public interface BatchHandle {
    void pause();

    void resume();

    void cancel();

    /** Blocks until the batch has ended. */
    BatchSummary await() throws InterruptedException;
}
