package io.pixpool.batch;

import io.pixpool.core.InputFile;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** What every slot of one batch shares. */
record SlotContext(BatchSettings settings, List<InputFile> inputs, JobQueue queue, JobBook book, ResultPlacer placer,
                   WorkerCommand command, ScheduledExecutorService watchdog) {
}
