package io.pixpool.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a finished temp file to its final name, applying the conflict policy. Runs in the coordinator, one call at
 * a time per output folder, so two workers never race for the same name. Never replaces a source file.
 * FIRST CUT: the full version replaces this class body.
 */
public final class OutputPlacer {

    /** Where the output ended up; {@code skipped} when the policy said to keep an existing file. */
    public record Placement(Path output, boolean skipped) {
    }

    private OutputPlacer() {
    }

    public static Placement place(EncodedImage img, Path outputDir, ConflictPolicy policy, Path source)
            throws ImageException {
        Path target = outputDir.resolve(img.fileName());
        try {
            if (img.skipped()) return new Placement(target, true);
            Files.move(img.tempFile(), target, StandardCopyOption.ATOMIC_MOVE);
            return new Placement(target, false);
        } catch (IOException e) {
            throw new ImageException("cannot place output: " + e.getMessage(), e);
        }
    }
}
