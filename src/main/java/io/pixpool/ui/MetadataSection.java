package io.pixpool.ui;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

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
                new Row("EXIF/XMP", combo("metadataPolicy", MetadataPolicy.values(), MetadataSection::label,
                        model.metadataProperty(), "EXIF, XMP and IPTC: camera, date, copyright, captions, location."
                                + " Kept metadata says the picture is upright and gives the output's size;"
                                + " thumbnails are dropped. 'strip GPS only' removes just the location")),
                new Row("Colour", combo("colorPolicy", ColorPolicy.values(), MetadataSection::label,
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

    private static <T> ComboBox<T> combo(String id, T[] values, Function<T, String> label, ObjectProperty<T> prop,
                                         String tip) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(values);
        c.setConverter(new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : label.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException("not editable"); }
        });
        c.valueProperty().bindBidirectional(prop);
        c.setTooltip(new Tooltip(tip));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }
}
