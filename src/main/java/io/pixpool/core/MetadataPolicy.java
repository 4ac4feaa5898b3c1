package io.pixpool.core;

import java.util.Locale;

/**
 * What happens to a source's EXIF, XMP and IPTC metadata. Whatever is kept is corrected first: the orientation
 * is always written as 1 (the pixels are already turned upright), the EXIF pixel dimensions are the output's and
 * the stale embedded thumbnail is dropped.
 */
public enum MetadataPolicy {
    /** Keep EXIF (camera, dates, GPS, ...), XMP and IPTC. */
    KEEP("keep"),
    /** Write no metadata at all. */
    STRIP("strip"),
    /** Keep everything except the location: the EXIF GPS block and XMP's exif:GPS properties. */
    STRIP_GPS("strip-gps");

    private final String id;

    MetadataPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static MetadataPolicy fromId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MetadataPolicy p : values()) {
            if (p.id.equals(k)) return p;
        }
        throw new IllegalArgumentException("unknown metadata policy '" + id + "' (known: keep, strip, strip-gps)");
    }
}
