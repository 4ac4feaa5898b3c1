package io.pixpool.core;

import io.pixpool.core.jpeg.ProfileVerdicts;
import java.awt.color.ColorSpace;
import java.awt.color.CMMException;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;

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

    /**
     * The profile when it is one the pipeline converts from or embeds: an RGB profile other than sRGB that the
     * JDK's colour management can use. Null otherwise (no profile, sRGB, CMYK, grey, or unusable: the decoders
     * then deal with the colours as they do without this step).
     */
    static ICC_Profile rgbNonSrgb(byte[] data) {
        return data != null && kind(data) == Kind.OTHER_RGB ? parse(data) : null;
    }

    /** Whether {@code data} is an RGB profile that describes sRGB closely enough that pixels need no conversion. */
    static boolean srgbInEffect(byte[] data) {
        return data != null && kind(data) == Kind.SRGB;
    }

    /** An RGB profile: the only kind an RGB output can carry. */
    static boolean isRgb(ICC_Profile p) {
        return p.getColorSpaceType() == ColorSpace.TYPE_RGB && p.getNumComponents() == 3;
    }

    /** Probe colours spread over the gamut, the grey axis and the tone curve. */
    private static final int[] PROBES = {0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0x40C81E, 0xFAFAFA, 0x0A0A0A,
        0xC86432, 0x3264C8, 0x202020};

    private enum Kind { SRGB, OTHER_RGB, NOT_RGB_OR_UNUSABLE }

    /** Verdicts for recently seen profiles (a batch mostly sees the same few). */
    private static final ProfileVerdicts<Kind> KINDS = new ProfileVerdicts<>();

    /**
     * RGB profiles that describe sRGB closely enough that the pixels need no conversion (cameras and editors embed
     * sRGB profiles under many names) are told apart by converting probe colours, which must come out unchanged.
     */
    private static Kind kind(byte[] data) {
        return KINDS.get(data, d -> {
            ICC_Profile p = parse(d);
            if (p == null || !isRgb(p)) return Kind.NOT_RGB_OR_UNUSABLE;
            try {
                return convertsUnchanged(p) ? Kind.SRGB : Kind.OTHER_RGB;
            } catch (CMMException | ProfileDataException | IllegalArgumentException unusable) {
                return Kind.NOT_RGB_OR_UNUSABLE;
            }
        });
    }

    private static boolean convertsUnchanged(ICC_Profile p) {
        BufferedImage probe = new BufferedImage(PROBES.length, 1, BufferedImage.TYPE_INT_RGB);
        probe.setRGB(0, 0, PROBES.length, 1, PROBES, 0, PROBES.length);
        int[] out = ColourConverter.toSrgb(probe, p).getRGB(0, 0, PROBES.length, 1, null, 0, PROBES.length);
        boolean same = true;
        for (int i = 0; i < PROBES.length && same; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs((out[i] >> shift & 0xFF) - (PROBES[i] >> shift & 0xFF)) > 2) same = false;
            }
        }
        return same;
    }
}
