package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmpEditorTest {

    private static final String DIMENSIONS =
            "(?:tiff:ImageWidth|tiff:ImageLength|exif:PixelXDimension|exif:PixelYDimension)";
    private static final String GPS = "(?:exif:GPS\\w*)";

    /** The plain-regex form of the edit (what XmpEditor computed before it avoided the quadratic white space). */
    private static String reference(String s, boolean dropGps) {
        s = s.replaceAll("(tiff:Orientation\\s*=\\s*[\"'])\\s*\\d+\\s*([\"'])", "$11$2");
        s = s.replaceAll("(<tiff:Orientation\\s*>)\\s*\\d+\\s*(</tiff:Orientation\\s*>)", "$11$2");
        s = remove(s, DIMENSIONS);
        if (dropGps) s = remove(s, GPS);
        return s;
    }

    private static String remove(String s, String names) {
        s = s.replaceAll("\\s+" + names + "\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
        s = s.replaceAll("<(" + names + ")\\b[^>]*/>", "");
        return s.replaceAll("(?s)<(" + names + ")\\b[^>]*>.*?</\\1\\s*>", "");
    }

    private static String edit(String s, boolean dropGps) {
        byte[] out = XmpEditor.edit(s.getBytes(StandardCharsets.UTF_8), dropGps);
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    private static final String PACKET = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
            + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
            + " <rdf:Description rdf:about=''\n   tiff:Orientation=\"6\"\n   tiff:ImageWidth=\"4000\"\ttiff:ImageLength = '3000'"
            + "\n   exif:PixelXDimension=\"4000\" exif:GPSLatitude=\"51,30.5N\"  exif:GPSLongitude='0,7.5W'"
            + "\n   xtiff:ImageWidth=\"1\" tiff:Make=\"Cam\">\n"
            + "  <tiff:Orientation> 8 </tiff:Orientation>\n  <exif:PixelYDimension>3000</exif:PixelYDimension>\n"
            + "  <exif:GPSAltitude/>\n  <exif:GPSTimeStamp rdf:parseType='Resource'>\n   <a>1</a>\n  </exif:GPSTimeStamp>\n"
            + " </rdf:Description>\n</rdf:RDF></x:xmpmeta>\n";

    @Test
    void editsLikeThePlainRegexesAttributesWithTheirLeadingSpaceElementsAndNestedElements() {
        for (boolean gps : new boolean[] {false, true}) {
            String out = edit(PACKET, gps);
            assertThat(out).isEqualTo(reference(PACKET, gps));
            assertThat(out).contains("tiff:Orientation=\"1\"", "<tiff:Orientation>1</tiff:Orientation>",
                    "xtiff:ImageWidth=\"1\"", "tiff:Make=\"Cam\"").doesNotContain("tiff:ImageWidth=\"4000\"",
                    "ImageLength", "PixelXDimension", "PixelYDimension");
            assertThat(out.contains("exif:GPS")).isEqualTo(!gps);
        }
        assertThat(edit(PACKET, true)).contains("rdf:about=''\n   tiff:Orientation=\"1\"\n   xtiff:ImageWidth");
    }

    @Test
    void kilobytesOfPaddingAndManyAttributesGiveTheSameResult() {
        String padding = (" ".repeat(99) + "\n").repeat(40);
        String packet = PACKET.replace("</x:xmpmeta>\n", "</x:xmpmeta>\n" + padding + "<?xpacket end='w'?>")
                .replace("tiff:Make", "\n \t " + padding + "tiff:ImageWidth='9'" + padding + "tiff:Make");
        for (boolean gps : new boolean[] {false, true}) assertThat(edit(packet, gps)).isEqualTo(reference(packet, gps));
        assertThat(edit("no properties at all" + padding, true)).isEqualTo("no properties at all" + padding);
    }

    /** Each pattern runs only when its names are in the packet: every mix of properties still edits like the regexes. */
    @Test
    void packetsWithOnlySomeOfTheNamesEditLikeTheRegexes() {
        String[] properties = {" tiff:Orientation=\"6\"", " tiff:ImageLength='3000'", " exif:PixelYDimension=\"9\"",
            " exif:GPSLatitude=\"51,30.5N\"", "<tiff:Orientation>8</tiff:Orientation>", "<exif:PixelXDimension/>",
            "<exif:GPSTimeStamp rdf:parseType='Resource'><a>1</a></exif:GPSTimeStamp>", " tiff:Make=\"Cam\""};
        for (int mask = 0; mask < 1 << properties.length; mask++) {
            StringBuilder attributes = new StringBuilder();
            StringBuilder elements = new StringBuilder();
            for (int i = 0; i < properties.length; i++) {
                if ((mask >> i & 1) == 0) continue;
                (properties[i].startsWith("<") ? elements : attributes).append(properties[i]).append('\n');
            }
            String packet = "<rdf:Description rdf:about=''" + attributes + ">\n" + elements + "</rdf:Description>";
            for (boolean gps : new boolean[] {false, true}) {
                assertThat(edit(packet, gps)).as("properties %s, gps %s", Integer.toBinaryString(mask), gps)
                        .isEqualTo(reference(packet, gps));
            }
        }
    }
}
