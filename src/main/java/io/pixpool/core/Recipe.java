package io.pixpool.core;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Everything that says how one image is processed: resize, resampling quality, ordered filters, output.
 * Immutable and validated; an invalid recipe cannot exist.
 *
 * @param maxPixels decompression-bomb guard: sources with more pixels than this fail before decoding
 * @param metadata  what happens to the source's EXIF/XMP/IPTC and ICC profile
 */
public record Recipe(ResizeSpec resize, ScaleQuality quality, List<FilterStep> filters, OutputSpec output,
                     long maxPixels, MetadataSpec metadata) implements Serializable {

    public static final long DEFAULT_MAX_PIXELS = 250_000_000L;

    public Recipe {
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(metadata, "metadata");
        filters = List.copyOf(filters);
        if (maxPixels < 1) throw new IllegalArgumentException("max pixels must be positive, was " + maxPixels);
    }

    /** A recipe with the default {@link MetadataSpec}. */
    public Recipe(ResizeSpec resize, ScaleQuality quality, List<FilterStep> filters, OutputSpec output,
                  long maxPixels) {
        this(resize, quality, filters, output, maxPixels, MetadataSpec.defaults());
    }

    public static Recipe defaults() {
        return new Recipe(ResizeSpec.none(), ScaleQuality.QUALITY, List.of(), OutputSpec.defaults(), DEFAULT_MAX_PIXELS);
    }

    public Recipe withResize(ResizeSpec r) { return new Recipe(r, quality, filters, output, maxPixels, metadata); }
    public Recipe withQuality(ScaleQuality q) { return new Recipe(resize, q, filters, output, maxPixels, metadata); }
    public Recipe withFilters(List<FilterStep> f) { return new Recipe(resize, quality, f, output, maxPixels, metadata); }
    public Recipe withOutput(OutputSpec o) { return new Recipe(resize, quality, filters, o, maxPixels, metadata); }
    public Recipe withMaxPixels(long m) { return new Recipe(resize, quality, filters, output, m, metadata); }
    public Recipe withMetadata(MetadataSpec m) { return new Recipe(resize, quality, filters, output, maxPixels, m); }
}
