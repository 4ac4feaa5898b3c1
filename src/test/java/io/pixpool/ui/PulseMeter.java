package io.pixpool.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: an animation timer asks for every pulse, so the largest gap between two
 * pulses is the longest time the FX thread was kept from rendering (a "stall"). About 16.7 ms when all is well.
 */
final class PulseMeter extends AnimationTimer {

    private long last = -1;
    private long pulses;
    private long longestGap;
    private long over50ms;
    private final java.util.List<String> big = new java.util.ArrayList<>();
    private long first = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            long gap = now - last;
            longestGap = Math.max(longestGap, gap);
            if (gap > 50_000_000L) {
                over50ms++;
                big.add(String.format(java.util.Locale.ROOT, "%.0f ms at +%.2f s", gap / 1e6, (last - first) / 1e9));
            }
        }
        if (first < 0) first = now;
        last = now;
        pulses++;
    }

    long pulses() { return pulses; }
    double longestGapMillis() { return longestGap / 1e6; }
    long gapsOver50ms() { return over50ms; }
    java.util.List<String> bigGaps() { return big; }
}
