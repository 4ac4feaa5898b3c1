package io.pixpool.core;

import java.util.Locale;
import java.util.Objects;

/** One filter in a recipe's ordered filter list. */
public record FilterStep(FilterKind kind, double value) {

    public FilterStep {
        Objects.requireNonNull(kind, "kind");
        if (!kind.hasValue()) {
            value = 0;
        } else if (kind == FilterKind.ROTATE) {
            if (value != 90 && value != 180 && value != 270) {
                throw new IllegalArgumentException("rotate takes 90, 180 or 270, was " + fmt(value));
            }
        } else if (!(value >= kind.min() && value <= kind.max())) {
            throw new IllegalArgumentException(kind.id() + " takes " + fmt(kind.min()) + ".." + fmt(kind.max())
                    + ", was " + fmt(value));
        }
    }

    public static FilterStep of(FilterKind kind) {
        return new FilterStep(kind, kind.defaultValue());
    }

    /** Parses {@code NAME[=VALUE]}, e.g. {@code grayscale}, {@code brightness=-20}, {@code rotate=90}. */
    public static FilterStep parse(String spec) {
        String s = spec.trim();
        int eq = s.indexOf('=');
        FilterKind kind = FilterKind.fromId(eq < 0 ? s : s.substring(0, eq));
        if (eq < 0) return of(kind);
        if (!kind.hasValue()) throw new IllegalArgumentException(kind.id() + " takes no value");
        try {
            return new FilterStep(kind, Double.parseDouble(s.substring(eq + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.id() + ": not a number: '" + s.substring(eq + 1) + "'");
        }
    }

    /** The inverse of {@link #parse}. */
    public String spec() {
        return kind.hasValue() ? kind.id() + "=" + fmt(value) : kind.id();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
