package io.pixpool.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * A further output of every source, written in the same pass as the main one from the same decoded pixels: its own
 * size and its own name pattern (e.g. {@code longEdge(800)} named {@code {name}-800}). Format, quality, filters and
 * conflict policy are the recipe's.
 */
public record OutputVariant(ResizeSpec resize, String namePattern) implements Serializable {

    public OutputVariant {
        Objects.requireNonNull(resize, "resize");
        NamePattern.validate(namePattern);
    }
}
