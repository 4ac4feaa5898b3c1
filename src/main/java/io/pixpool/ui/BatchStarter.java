package io.pixpool.ui;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.WorkerReserve;
import io.pixpool.core.InputFile;
import java.util.List;

/** Starts a batch; {@link #pool()} is the real worker pool (anything else is only for measuring the window). */
@FunctionalInterface
public interface BatchStarter {

    BatchHandle start(BatchSettings settings, List<InputFile> inputs, BatchListener listener);

    /**
     * A hint that a batch of {@code inputs} with {@code settings} may start soon: a starter that keeps workers may
     * start them now. Does nothing by default.
     */
    default void prepare(BatchSettings settings, List<InputFile> inputs) {
    }

    /** Batches run by the worker-process pool, each starting and ending its own workers. */
    static BatchStarter pool() {
        return pool(null);
    }

    /**
     * Batches run by the worker-process pool, keeping idle workers in {@code reserve} from one batch to the next
     * (null: none).
     */
    static BatchStarter pool(WorkerReserve reserve) {
        return new BatchStarter() {
            @Override
            public BatchHandle start(BatchSettings settings, List<InputFile> inputs, BatchListener listener) {
                Batch batch = Batch.start(settings, inputs, listener, reserve);
                return new BatchHandle() {
                    @Override public void pause() { batch.pause(); }
                    @Override public void resume() { batch.resume(); }
                    @Override public void cancel() { batch.cancel(); }
                    @Override public BatchSummary await() throws InterruptedException { return batch.await(); }
                };
            }

            @Override
            public void prepare(BatchSettings settings, List<InputFile> inputs) {
                if (reserve != null) reserve.prepare(settings, inputs);
            }
        };
    }
}
