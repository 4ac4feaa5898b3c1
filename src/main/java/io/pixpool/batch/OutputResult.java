package io.pixpool.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One output file of a finished job (a job has one per size it writes).
 *
 * @param output  where it was written; for one not written, the name it would have had (or the existing file)
 * @param written false when the output was skipped; {@code note} then says why ("output exists",
 *                "larger than original")
 * @param quality the JPEG / lossy WebP quality it was encoded at (chosen by a KB limit); 0 when not applicable
 * @param note    why it was skipped, or a remark on a written one ("could not reach 200 KB ..."); empty if none
 */
public record OutputResult(Path output, boolean written, int width, int height, long bytes, int quality, String note) {

    public OutputResult {
        Objects.requireNonNull(output, "output");
        note = Objects.requireNonNullElse(note, "");
    }
}
