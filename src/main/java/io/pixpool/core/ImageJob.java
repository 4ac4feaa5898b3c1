package io.pixpool.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to process.
 *
 * @param source    the source image (never written)
 * @param outputDir the folder the output goes into (created if missing)
 * @param counter   1-based position in the batch, for the {@code {n}} name token
 * @param recipe    how to process it
 */
public record ImageJob(Path source, Path outputDir, int counter, Recipe recipe) {

    public ImageJob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(recipe, "recipe");
        if (counter < 1) throw new IllegalArgumentException("counter is 1-based, was " + counter);
    }
}
