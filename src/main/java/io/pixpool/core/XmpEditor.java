package io.pixpool.core;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects an XMP packet for the output the same way as {@link ExifRewriter}: tiff:Orientation becomes 1, the
 * stored image and pixel dimensions (which would now lie) are removed, and optionally every exif:GPS property.
 * Works on the text, in both RDF forms (attributes and elements).
 */
final class XmpEditor {

    private static final String DIMENSIONS = "(?:tiff:ImageWidth|tiff:ImageLength|exif:PixelXDimension|exif:PixelYDimension)";
    private static final String GPS = "(?:exif:GPS\\w*)";
    private static final Pattern ORIENTATION_ATTR = Pattern.compile("(tiff:Orientation\\s*=\\s*[\"'])\\s*\\d+\\s*([\"'])");
    private static final Pattern ORIENTATION_ELEM = Pattern.compile("(<tiff:Orientation\\s*>)\\s*\\d+\\s*(</tiff:Orientation\\s*>)");

    private XmpEditor() {
    }

    /** The corrected packet, or null when location data would remain in a form this does not recognise. */
    static byte[] edit(byte[] xmp, boolean dropGps) {
        String s = new String(xmp, StandardCharsets.UTF_8);
        s = ORIENTATION_ATTR.matcher(s).replaceAll("$11$2");
        s = ORIENTATION_ELEM.matcher(s).replaceAll("$11$2");
        s = remove(s, DIMENSIONS);
        if (dropGps) {
            s = remove(s, GPS);
            if (s.contains("exif:GPS")) return null;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Removes the properties whose names match {@code names}: attributes, simple and nested elements. */
    private static String remove(String s, String names) {
        s = s.replaceAll("\\s+" + names + "\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
        s = s.replaceAll("<(" + names + ")\\b[^>]*/>", "");
        Pattern elem = Pattern.compile("<(" + names + ")\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL);
        Matcher m = elem.matcher(s);
        return m.replaceAll("");
    }
}
