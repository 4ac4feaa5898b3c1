package io.pixpool.core;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;

/** Reading embedded ICC profiles: which ones matter, and which can be carried into an RGB output. */
final class IccProfiles {

    private static final int HEADER = 128;

    private IccProfiles() {
    }

    /** The profile, or null when the bytes are not a profile the JDK's colour management accepts. */
    static ICC_Profile parse(byte[] data) {
        if (data == null || data.length < HEADER) return null;
        try {
            return ICC_Profile.getInstance(data);
        } catch (IllegalArgumentException unusable) {
            return null;
        }
    }

    /** An RGB profile: the only kind an RGB output can carry. */
    static boolean isRgb(ICC_Profile p) {
        return p.getColorSpaceType() == ColorSpace.TYPE_RGB && p.getNumComponents() == 3;
    }

    /**
     * Whether the profile describes sRGB (so the pixels need no conversion): judged by its description, the way
     * cameras and editors label their embedded sRGB profiles ("sRGB IEC61966-2.1", "sRGB built-in", ...).
     */
    static boolean isSrgb(byte[] data) {
        String text = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
        return text.contains("sRGB") || text.contains("s\0R\0G\0B");
    }
}
