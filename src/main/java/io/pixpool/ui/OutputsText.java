package io.pixpool.ui;

import io.pixpool.batch.OutputResult;
import java.util.ArrayList;
import java.util.List;

/** How a file's outputs read in the table: sizes, qualities and notes, one text each for all outputs. */
final class OutputsText {

    private OutputsText() {
    }

    /** "400 × 300" for one output; "3 outputs: 400 × 300, 200 × 150, 64 × 48" for several. */
    static String sizes(List<OutputResult> outputs) {
        List<String> parts = new ArrayList<>();
        for (OutputResult o : outputs) {
            if (o.written()) parts.add(new Dims(o.width(), o.height()).toString());
        }
        if (parts.size() <= 1) return parts.isEmpty() ? "" : parts.get(0);
        return parts.size() + " outputs: " + String.join(", ", parts);
    }

    /** The JPEG / lossy WebP qualities used, e.g. "62" or "62, 85, 85"; empty when none applies. */
    static String qualities(List<OutputResult> outputs) {
        List<String> parts = new ArrayList<>();
        for (OutputResult o : outputs) {
            if (o.written() && o.quality() > 0) parts.add(Integer.toString(o.quality()));
        }
        return String.join(", ", parts);
    }

    /**
     * The notes worth showing: for one output its note ("could not reach 200 KB ..."), for several each note or
     * skip reason with the output's name ("a-200.jpg: larger than original").
     */
    static String notes(List<OutputResult> outputs) {
        List<String> parts = new ArrayList<>();
        for (OutputResult o : outputs) {
            if (o.note().isEmpty()) continue;
            parts.add(outputs.size() == 1 ? o.note() : o.output().getFileName() + ": " + o.note());
        }
        return String.join("; ", parts);
    }
}
