package io.pixpool.batch;

import io.pixpool.core.InputFile;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every slot of one batch shares. {@code warm}: start the worker before the first job arrives (open batches,
 * whose first file may come much later and should not wait for a JVM start). {@code archive}: the workers' class-data
 * archive ({@link WorkerArchive#NONE} for none). {@code reserve}: where idle workers are taken from and handed on to
 * when the batch ends normally (null: every batch starts and ends its own).
 */
record SlotContext(BatchSettings settings, List<InputFile> inputs, JobQueue queue, JobBook book, ResultPlacer placer,
                   WorkerCommand command, WorkerArchive archive, ScheduledExecutorService watchdog, boolean warm,
                   WorkerReserve reserve) {
}
