package io.pixpool.core.jpeg;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether a JPEG's embedded ICC profile is sRGB in effect: the JDK reader converts the pixels of a file with a
 * profile from that profile to sRGB, which changes nothing for an sRGB profile (many cameras and editors embed
 * one), so this package's raw YCbCr to RGB pixels are the same; any other profile leaves the file to the JDK reader.
 */
final class IccCheck {

    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    /** Colours probed; an sRGB profile maps each to itself within half an 8-bit level. */
    private static final float[][] PROBES = {
        {0, 0, 0}, {1, 1, 1}, {0.5f, 0.5f, 0.5f}, {0.2f, 0.2f, 0.2f}, {0.8f, 0.8f, 0.8f},
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.9f, 0.3f, 0.1f}, {0.1f, 0.6f, 0.9f}, {0.3f, 0.7f, 0.2f},
    };
    private static final float TOLERANCE = 0.5f / 255;

    private IccCheck() {
    }

    /** The ICC profile of a JPEG (APP2 ICC_PROFILE chunks in their order), null when there is none or it is cut. */
    static byte[] profile(byte[] data) {
        byte[][] chunks = null;
        int p = 2;
        while (p + 4 <= data.length && (data[p] & 0xFF) == 0xFF) {
            int m = data[p + 1] & 0xFF;
            if (m == 0xFF) {
                p++;
                continue;
            }
            if (m == 0xDA || m == 0xD9 || (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xCC)) break;
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
                p += 2;
                continue;
            }
            int len = (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
            int start = p + 4;
            int end = p + 2 + len;
            if (len < 2 || end > data.length) return null;
            if (m == 0xE2 && end - start > ICC.length + 2
                    && Arrays.equals(data, start, start + ICC.length, ICC, 0, ICC.length)) {
                int seq = data[start + ICC.length] & 0xFF;
                int count = data[start + ICC.length + 1] & 0xFF;
                if (chunks == null) chunks = new byte[count][];
                if (count != chunks.length || seq < 1 || seq > count) return null;
                chunks[seq - 1] = Arrays.copyOfRange(data, start + ICC.length + 2, end);
            }
            p = end;
        }
        if (chunks == null) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) return null;
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static final ProfileVerdicts<Boolean> ANSWERS = new ProfileVerdicts<>();

    /** Whether {@code profile} is an RGB profile that maps every probe colour to itself (false for null). */
    static boolean isSrgb(byte[] profile) {
        return profile != null && ANSWERS.get(profile, IccCheck::mapsProbesToThemselves);
    }

    private static boolean mapsProbesToThemselves(byte[] profile) {
        ColorSpace cs;
        try {
            cs = new ICC_ColorSpace(ICC_Profile.getInstance(profile));
        } catch (IllegalArgumentException e) {
            return false; // not a valid profile: the JDK reader's business
        }
        if (cs.getType() != ColorSpace.TYPE_RGB || cs.getNumComponents() != 3) return false;
        for (float[] c : PROBES) {
            float[] rgb = cs.toRGB(c);
            for (int i = 0; i < 3; i++) {
                if (Math.abs(rgb[i] - c[i]) > TOLERANCE) return false;
            }
        }
        return true;
    }
}
