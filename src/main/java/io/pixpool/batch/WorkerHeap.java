package io.pixpool.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How big each worker's heap ({@code -Xmx}) is by default, so that N workers fit in memory together:
 *
 * <pre>  heap = clamp(physical memory / 2 / workers, 256 MiB, 1024 MiB)</pre>
 *
 * Half the machine's memory (container limit included, as the JVM reports it) is shared among the workers, the
 * other half is left to the system, the window and the page cache. 256 MiB is the floor below which an ordinary
 * camera photo (24 MP decodes to about 72-96 MiB, plus the resized copies) no longer fits; 1024 MiB is the ceiling
 * past which a single file is more likely a decompression bomb than a photo, and past which a big heap only costs
 * memory. Examples: 16 GiB and 8 workers give 1024 MiB each; 8 GiB and 8 workers give 512 MiB; 4 GiB and 8 workers
 * give 256 MiB (the floor: on small machines use fewer workers). When the memory size cannot be read the rule
 * assumes 4 GiB. A file that still does not fit fails with a message saying the worker ran out of memory.
 */
public final class WorkerHeap {

    public static final int MIN_MB = 256;
    public static final int MAX_MB = 1024;
    static final long FALLBACK_PHYSICAL_BYTES = 4L << 30;

    private WorkerHeap() {
    }

    /** The default heap of each of {@code workers} workers on this machine, in MiB. */
    public static int defaultMb(int workers) {
        return defaultMb(workers, physicalMemoryBytes());
    }

    /** The rule above for a given amount of physical memory. */
    public static int defaultMb(int workers, long physicalBytes) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        long share = (physicalBytes <= 0 ? FALLBACK_PHYSICAL_BYTES : physicalBytes) / 2 / workers;
        return (int) Math.max(MIN_MB, Math.min(MAX_MB, share >> 20));
    }

    /** The memory size, read once: by the prefetch thread, or by the first caller that needs it. */
    private static final FutureTask<Long> LOOKUP = new FutureTask<>(WorkerHeap::readPhysicalMemoryBytes);
    private static final AtomicBoolean PREFETCHED = new AtomicBoolean();

    /**
     * Starts reading the memory size on a thread of its own, for a caller that will need {@link #defaultMb(int)}
     * soon: the platform's management beans take 20-25 ms to start in a fresh JVM (about 60 classes and two native
     * libraries), which the headless batch would otherwise spend before it spawns its workers.
     */
    public static void prefetch() {
        if (!PREFETCHED.compareAndSet(false, true)) return;
        Thread t = new Thread(LOOKUP, "pixpool-memory-size");
        t.setDaemon(true);
        t.start();
    }

    /** Physical memory (or the container's limit) in bytes; 0 when the platform does not say. */
    static long physicalMemoryBytes() {
        LOOKUP.run(); // does nothing when the prefetch thread has run it or is running it
        try {
            return LOOKUP.get();
        } catch (ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long readPhysicalMemoryBytes() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
