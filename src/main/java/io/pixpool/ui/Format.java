package io.pixpool.ui;

import java.util.Locale;

/** Short human-readable numbers for the table and the status bar. */
final class Format {

    private Format() {
    }

    /** "812 B", "14.2 KB", "3.4 MB"; empty when unknown (negative). */
    static String bytes(long n) {
        if (n < 0) return "";
        if (n < 1024) return n + " B";
        double v = n / 1024.0;
        if (v < 1024) return String.format(Locale.ROOT, "%.1f KB", v);
        v /= 1024;
        if (v < 1024) return String.format(Locale.ROOT, "%.1f MB", v);
        return String.format(Locale.ROOT, "%.2f GB", v / 1024);
    }

    /** "85 ms", "1.4 s"; empty when unknown (negative). */
    static String millis(long ms) {
        if (ms < 0) return "";
        if (ms < 1000) return ms + " ms";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "0:42", "12:05", "1:02:07"; empty when unknown (negative). */
    static String clock(long seconds) {
        if (seconds < 0) return "";
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f images/s" : "%.1f images/s", perSecond);
    }
}
