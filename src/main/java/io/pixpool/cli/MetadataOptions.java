package io.pixpool.cli;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import picocli.CommandLine.Option;

/** The metadata and colour options of {@code batch}, mixed into {@link BatchOptions}: raw values only. */
final class MetadataOptions {

    @Option(names = "--metadata", paramLabel = "POLICY",
            description = "EXIF/XMP/IPTC: keep, strip, strip-gps (default: keep all but the location). "
                    + "Kept metadata says orientation 1 and the output's size; the thumbnail is dropped.")
    String metadata;

    @Option(names = "--color", paramLabel = "POLICY",
            description = "Embedded colour profiles: srgb (default: convert to sRGB) or keep (keep the profile "
                    + "in JPEG and PNG outputs).")
    String color;

    /** The spec these options give, starting from the defaults. */
    MetadataSpec spec() throws UsageException {
        return spec(MetadataSpec.defaults());
    }

    /** {@code base} (e.g. a preset's) with the values these options give. */
    MetadataSpec spec(MetadataSpec base) throws UsageException {
        MetadataSpec s = base;
        try {
            if (metadata != null) s = s.withMetadata(MetadataPolicy.fromId(metadata));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metadata: " + e.getMessage());
        }
        try {
            if (color != null) s = s.withColor(ColorPolicy.fromId(color));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--color: " + e.getMessage());
        }
        return s;
    }
}
