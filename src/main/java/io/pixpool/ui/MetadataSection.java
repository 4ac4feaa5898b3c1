package io.pixpool.ui;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import java.util.List;
import javafx.scene.Node;

/**
 * The "Metadata" rows of the settings panel: what happens to EXIF/XMP/IPTC and to embedded colour profiles. The
 * panel lays the rows out in its own grid, so the labels line up with the other sections'.
 */
final class MetadataSection {

    /** One labelled control. */
    record Row(String label, Node control) {
    }

    private final List<Row> rows;

    MetadataSection(MetadataModel model) {
        rows = List.of(
                new Row("EXIF/XMP", SettingsPane.combo("metadataPolicy", MetadataPolicy.values(), MetadataSection::label,
                        model.metadataProperty(), "EXIF, XMP and IPTC: camera, date, copyright, captions, location."
                                + " Kept metadata says the picture is upright and gives the output's size;"
                                + " thumbnails are dropped. 'strip GPS only' removes just the location")),
                new Row("Colour", SettingsPane.combo("colorPolicy", ColorPolicy.values(), MetadataSection::label,
                        model.colorProperty(), "Sources with an embedded colour profile (Adobe RGB, ProPhoto,"
                                + " CMYK): convert to sRGB (right everywhere), or keep the profile in JPEG and PNG"
                                + " outputs")));
    }

    List<Row> rows() {
        return rows;
    }

    static String label(MetadataPolicy p) {
        switch (p) {
            case KEEP: return "keep all";
            case STRIP: return "strip all";
            default: return "strip GPS only";
        }
    }

    static String label(ColorPolicy p) {
        return p == ColorPolicy.SRGB ? "to sRGB" : "keep profile";
    }
}
