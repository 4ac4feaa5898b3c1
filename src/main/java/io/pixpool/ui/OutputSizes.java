package io.pixpool.ui;

import java.util.Comparator;
import java.util.Objects;

/**
 * What the table's Output column shows for a file: the size of its (first) output, or with several outputs
 * ({@code count} > 1) all of them ("3 outputs: 400 × 300, 200 × 150, 64 × 48"). Sorts by the first output's size.
 */
public record OutputSizes(Dims first, int count, String text) implements Comparable<OutputSizes> {

    private static final Comparator<OutputSizes> ORDER =
            Comparator.comparing(OutputSizes::first).thenComparingInt(OutputSizes::count);

    public OutputSizes {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int compareTo(OutputSizes o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return text;
    }
}
