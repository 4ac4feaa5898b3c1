package io.pixpool.cli;

import io.pixpool.batch.BatchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated {@code batch} command line.
 *
 * @param settings how the batch runs (output root absolute)
 * @param inputs   the files and folders named, in order
 * @param report   the CSV report to write, or null
 * @param quiet    print nothing but errors
 */
record BatchRequest(BatchSettings settings, List<Path> inputs, Path report, boolean quiet) {

    BatchRequest {
        Objects.requireNonNull(settings, "settings");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) throw new IllegalArgumentException("no inputs");
    }
}
