package io.pixpool.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ImagePipeline#process} produced: a complete, closed temporary file in the output folder, waiting for
 * {@link OutputPlacer} to move it to {@code fileName}. {@code tempFile} is null when the output is not written: the
 * conflict policy SKIP found it existing (then {@code note} is empty), or a {@link SizeTarget} skipped it
 * ({@code note} says why, e.g. "larger than original").
 *
 * @param quality  the JPEG / lossy WebP quality the file was encoded at (the one a size limit chose); 0 for other
 *                 formats and for outputs not written
 * @param note     for a written output a remark for the user ("could not reach 200 KB"), for one not written the
 *                 reason; empty when there is nothing to say
 * @param variants the source's further outputs ({@link OutputOptions#variants()}), in order, each without variants
 *                 of its own; empty for a single output
 */
public record EncodedImage(Path tempFile, String fileName, int sourceWidth, int sourceHeight, int width, int height,
                           long sourceBytes, long bytes, int quality, String note, List<EncodedImage> variants) {

    /** Reason of an output skipped because the conflict policy is SKIP and it exists. */
    public static final String EXISTS = "output exists";
    /** Reason of an output skipped by {@link SizeTarget#skipIfLarger()}. */
    public static final String LARGER = "larger than original";

    public EncodedImage {
        Objects.requireNonNull(fileName, "fileName");
        note = Objects.requireNonNullElse(note, "");
        variants = List.copyOf(variants);
        for (EncodedImage v : variants) {
            if (!v.variants.isEmpty()) throw new IllegalArgumentException("a variant has no variants of its own");
        }
    }

    public EncodedImage(Path tempFile, String fileName, int sourceWidth, int sourceHeight, int width, int height,
                        long sourceBytes, long bytes) {
        this(tempFile, fileName, sourceWidth, sourceHeight, width, height, sourceBytes, bytes, 0, "", List.of());
    }

    public boolean skipped() {
        return tempFile == null;
    }

    /** Why this output was not written ({@link #EXISTS} unless a note says otherwise); null when it was written. */
    public String skipReason() {
        if (!skipped()) return null;
        return note.isEmpty() ? EXISTS : note;
    }

    /** This output followed by its variants. */
    public List<EncodedImage> all() {
        if (variants.isEmpty()) return List.of(this);
        List<EncodedImage> all = new ArrayList<>(variants.size() + 1);
        all.add(withVariants(List.of()));
        all.addAll(variants);
        return all;
    }

    /** Every temp file of this result (the main output's and its variants'). */
    public List<Path> tempFiles() {
        List<Path> temps = new ArrayList<>();
        for (EncodedImage e : all()) {
            if (e.tempFile != null) temps.add(e.tempFile);
        }
        return temps;
    }

    public EncodedImage withVariants(List<EncodedImage> v) {
        return new EncodedImage(tempFile, fileName, sourceWidth, sourceHeight, width, height, sourceBytes, bytes,
                quality, note, v);
    }
}
