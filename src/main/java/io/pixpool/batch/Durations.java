package io.pixpool.batch;

import java.time.Duration;
import java.util.Locale;

/** Durations in messages: "60 s", "2.5 s", "750 ms". */
final class Durations {

    private Durations() {
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
