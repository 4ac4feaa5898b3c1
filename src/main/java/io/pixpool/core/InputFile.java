package io.pixpool.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A source image and where its output goes relative to the output root: the folder structure below the folder the
 * user dropped is kept, files given directly have an empty {@code relativeDir}.
 */
public record InputFile(Path source, Path relativeDir) {

    public InputFile {
        Objects.requireNonNull(source, "source");
        relativeDir = relativeDir == null ? Path.of("") : relativeDir;
        if (relativeDir.isAbsolute() || relativeDir.normalize().startsWith("..")) {
            throw new IllegalArgumentException("relativeDir must stay below the output root: " + relativeDir);
        }
    }

    public static InputFile of(Path source) {
        return new InputFile(source, Path.of(""));
    }

    public Path outputDir(Path outputRoot) {
        return outputRoot.resolve(relativeDir);
    }
}
