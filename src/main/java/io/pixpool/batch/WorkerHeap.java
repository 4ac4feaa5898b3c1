package io.pixpool.batch;

/** How big each worker's heap is by default. SKELETON: implemented by the pool work. */
final class WorkerHeap {
    private WorkerHeap() {
    }

    static int defaultMb(int workers) {
        return 512;
    }
}
