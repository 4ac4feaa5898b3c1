package io.pixpool.core;

import java.util.Locale;

/** What happens to a source with an embedded ICC colour profile (Adobe RGB, ProPhoto, CMYK, ...). */
public enum ColorPolicy {
    /** Convert the colours to sRGB and write no profile: right on every screen and in every browser. */
    SRGB("srgb"),
    /**
     * Leave the pixels in the source's RGB colour space and embed its profile (JPEG and PNG outputs). Outputs that
     * cannot carry a profile, and CMYK or grey profiles, are converted to sRGB instead.
     */
    KEEP_PROFILE("keep");

    private final String id;

    ColorPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ColorPolicy fromId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        if (k.equals("keep-profile") || k.equals("keep_profile")) return KEEP_PROFILE;
        for (ColorPolicy p : values()) {
            if (p.id.equals(k)) return p;
        }
        throw new IllegalArgumentException("unknown colour policy '" + id + "' (known: srgb, keep)");
    }
}
