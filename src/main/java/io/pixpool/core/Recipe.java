package io.pixpool.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything that says how one image is processed: resize, resampling quality, ordered filters, output.
 * Immutable and validated; an invalid recipe cannot exist.
 *
 * @param maxPixels decompression-bomb guard: sources with more pixels than this fail before decoding
 * @param decoration padding, watermarks and border added last ({@link Decoration#none()} for none)
 * @param metadata  what happens to the source's EXIF/XMP/IPTC and ICC profile
 */
public record Recipe(ResizeSpec resize, ScaleQuality quality, List<FilterStep> filters, OutputSpec output,
                     long maxPixels, Decoration decoration, MetadataSpec metadata) {

    public static final long DEFAULT_MAX_PIXELS = 250_000_000L;

    public Recipe {
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(output, "output");
        filters = List.copyOf(filters);
        if (maxPixels < 1) throw new IllegalArgumentException("max pixels must be positive, was " + maxPixels);
        Objects.requireNonNull(decoration, "decoration");
        Objects.requireNonNull(metadata, "metadata");
    }

    public Recipe(ResizeSpec resize, ScaleQuality quality, List<FilterStep> filters, OutputSpec output, long maxPixels) {
        this(resize, quality, filters, output, maxPixels, Decoration.none(), MetadataSpec.defaults());
    }

    public Recipe(ResizeSpec resize, ScaleQuality quality, List<FilterStep> filters, OutputSpec output, long maxPixels,
                  Decoration decoration) {
        this(resize, quality, filters, output, maxPixels, decoration, MetadataSpec.defaults());
    }

    public static Recipe defaults() {
        return new Recipe(ResizeSpec.none(), ScaleQuality.QUALITY, List.of(), OutputSpec.defaults(), DEFAULT_MAX_PIXELS);
    }

    public Recipe withResize(ResizeSpec r) { return new Recipe(r, quality, filters, output, maxPixels, decoration, metadata); }
    public Recipe withQuality(ScaleQuality q) { return new Recipe(resize, q, filters, output, maxPixels, decoration, metadata); }
    public Recipe withFilters(List<FilterStep> f) { return new Recipe(resize, quality, f, output, maxPixels, decoration, metadata); }
    public Recipe withOutput(OutputSpec o) { return new Recipe(resize, quality, filters, o, maxPixels, decoration, metadata); }
    public Recipe withMaxPixels(long m) { return new Recipe(resize, quality, filters, output, m, decoration, metadata); }
    public Recipe withDecoration(Decoration d) { return new Recipe(resize, quality, filters, output, maxPixels, d, metadata); }
    public Recipe withMetadata(MetadataSpec m) { return new Recipe(resize, quality, filters, output, maxPixels, decoration, m); }
}
