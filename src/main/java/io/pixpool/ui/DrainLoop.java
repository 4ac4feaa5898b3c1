package io.pixpool.ui;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Calls {@code tick} on the FX thread at most {@value #HZ} times a second while started, and remembers how long the
 * longest call took. Runs only during a batch, so an idle window asks for no pulses.
 */
final class DrainLoop extends AnimationTimer {

    static final int HZ = 30;
    private static final long PERIOD_NANOS = 1_000_000_000L / HZ - 1_000_000L; // a little slack for pulse jitter

    private final LongConsumer tick;
    private long last = Long.MIN_VALUE;
    private long ticks;
    private long longestNanos;

    DrainLoop(LongConsumer tick) {
        this.tick = tick;
    }

    @Override
    public void handle(long now) {
        if (last != Long.MIN_VALUE && now - last < PERIOD_NANOS) return;
        last = now;
        runTick();
    }

    /** One tick now, whatever the time (also the final drain when a batch ends). */
    void runTick() {
        long t0 = System.nanoTime();
        tick.accept(t0);
        ticks++;
        longestNanos = Math.max(longestNanos, System.nanoTime() - t0);
    }

    long ticks() { return ticks; }

    long longestNanos() { return longestNanos; }
}
