package io.pixpool.core;

import java.util.Objects;

/**
 * What is carried from the source into the output besides the pixels.
 *
 * @param metadata EXIF/XMP/IPTC handling
 * @param color    ICC colour profile handling
 */
public record MetadataSpec(MetadataPolicy metadata, ColorPolicy color) {

    public MetadataSpec {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(color, "color");
    }

    /**
     * Keep the metadata without the location, convert to sRGB: photographers keep camera, date, copyright and
     * captions (silently lost metadata is the common complaint), while a picture posted on the web does not tell
     * where it was taken; sRGB is what browsers and most viewers assume.
     */
    public static MetadataSpec defaults() {
        return new MetadataSpec(MetadataPolicy.STRIP_GPS, ColorPolicy.SRGB);
    }

    public MetadataSpec withMetadata(MetadataPolicy m) { return new MetadataSpec(m, color); }
    public MetadataSpec withColor(ColorPolicy c) { return new MetadataSpec(metadata, c); }
}
