package io.pixpool.ui;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.util.List;

/** Starts a batch; {@link #pool()} is the real worker pool (anything else is only for measuring the window). */
@FunctionalInterface
public interface BatchStarter {

    BatchHandle start(BatchSettings settings, List<InputFile> inputs, BatchListener listener);

    /** Batches run by the worker-process pool. */
    static BatchStarter pool() {
        return (settings, inputs, listener) -> {
            Batch batch = Batch.start(settings, inputs, listener);
            return new BatchHandle() {
                @Override public void pause() { batch.pause(); }
                @Override public void resume() { batch.resume(); }
                @Override public void cancel() { batch.cancel(); }
                @Override public BatchSummary await() throws InterruptedException { return batch.await(); }
            };
        };
    }
}
