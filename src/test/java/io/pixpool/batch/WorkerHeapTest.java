package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerHeapTest {

    private static final long GIB = 1L << 30;

    @Test
    void halfTheMemorySharedByTheWorkersWithinTheBounds() {
        assertThat(WorkerHeap.defaultMb(8, 16 * GIB)).isEqualTo(1024);
        assertThat(WorkerHeap.defaultMb(8, 8 * GIB)).isEqualTo(512);
        assertThat(WorkerHeap.defaultMb(6, 8 * GIB)).isEqualTo(682);
        assertThat(WorkerHeap.defaultMb(8, 4 * GIB)).isEqualTo(256);
        assertThat(WorkerHeap.defaultMb(64, 2 * GIB)).isEqualTo(256);
        assertThat(WorkerHeap.defaultMb(1, 64 * GIB)).isEqualTo(1024);
    }

    @Test
    void unknownMemoryAssumesFourGibibytes() {
        assertThat(WorkerHeap.defaultMb(4, 0)).isEqualTo(512);
    }

    @Test
    void thisMachinesDefaultIsWithinTheBoundsAndUsedBySettings() {
        assertThat(WorkerHeap.defaultMb(2)).isBetween(WorkerHeap.MIN_MB, WorkerHeap.MAX_MB);
        assertThat(WorkerHeap.physicalMemoryBytes()).isPositive();
        assertThat(BatchSettings.defaultWorkerHeapMb(3)).isEqualTo(WorkerHeap.defaultMb(3));
    }

    /** The batch command starts the lookup before parsing its options; the answer is the same one. */
    @Test
    void aPrefetchedMemorySizeIsTheMachines() throws Exception {
        long direct = WorkerHeap.physicalMemoryBytes();
        WorkerHeap.prefetch();
        WorkerHeap.prefetch();
        assertThat(WorkerHeap.physicalMemoryBytes()).isPositive().isEqualTo(direct);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("pixpool-memory-size")
                && t.isAlive() && !t.isDaemon());
    }

    @Test
    void workersMustBePositive() {
        assertThatThrownBy(() -> WorkerHeap.defaultMb(0, GIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
