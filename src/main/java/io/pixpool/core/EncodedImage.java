package io.pixpool.core;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * What {@link ImagePipeline#process} produced: a complete, closed temporary file in the output folder, waiting for
 * {@link OutputPlacer} to move it to {@code fileName}. {@code tempFile} is null when the job was skipped early
 * (conflict policy SKIP and the output already exists).
 */
public record EncodedImage(Path tempFile, String fileName, int sourceWidth, int sourceHeight, int width, int height,
                           long sourceBytes, long bytes) implements Serializable {

    public boolean skipped() {
        return tempFile == null;
    }
}
