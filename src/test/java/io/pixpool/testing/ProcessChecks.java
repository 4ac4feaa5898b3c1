package io.pixpool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/** Whether processes (workers, by pid) are alive, and waiting for them to be gone. */
public final class ProcessChecks {

    private ProcessChecks() {
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits up to 10 s for each pid to be gone, then asserts it is. */
    public static void assertAllGone(List<Long> pids) throws InterruptedException {
        assertAllGone(pids, Duration.ofSeconds(10));
    }

    /** Waits up to {@code within} (all together) for each pid to be gone, then asserts it is. */
    public static void assertAllGone(List<Long> pids, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long pid : pids) {
            while (alive(pid) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(alive(pid)).as("worker %d still alive", pid).isFalse();
        }
    }

    public static void assertAllAlive(List<Long> pids) {
        for (long pid : pids) assertThat(alive(pid)).as("worker %d alive", pid).isTrue();
    }
}
