package io.pixpool.batch;

import java.time.Duration;

/** Counts at the end of a batch; every input is in exactly one of done, failed, skipped, cancelled. */
public record BatchSummary(int total, int done, int failed, int skipped, int cancelled, Duration elapsed) {

    public double imagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (done + skipped) / s;
    }

    /** True when nothing failed or was cancelled. */
    public boolean success() {
        return failed == 0 && cancelled == 0;
    }
}
