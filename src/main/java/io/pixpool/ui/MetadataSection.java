package io.pixpool.ui;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The "Metadata" part of the settings panel: what happens to EXIF/XMP/IPTC and to embedded colour profiles. */
final class MetadataSection {

    private final GridPane grid = new GridPane();

    MetadataSection(MetadataModel model) {
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Control.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        add(0, "EXIF, XMP, IPTC", combo("metadataPolicy", MetadataPolicy.values(), MetadataSection::label,
                model.metadataProperty(), "Camera, date, copyright, captions and location of the source. Kept"
                        + " metadata says the picture is upright and gives the output's size; thumbnails are dropped"));
        add(1, "Colour profile", combo("colorPolicy", ColorPolicy.values(), MetadataSection::label,
                model.colorProperty(), "Sources with an embedded profile (Adobe RGB, ProPhoto, CMYK): convert to"
                        + " sRGB (right everywhere), or keep the profile in JPEG and PNG outputs"));
    }

    Node node() {
        return grid;
    }

    private void add(int row, String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        grid.add(l, 0, row);
        grid.add(control, 1, row);
    }

    static String label(MetadataPolicy p) {
        switch (p) {
            case KEEP: return "keep all";
            case STRIP: return "remove all";
            default: return "keep, without location (GPS)";
        }
    }

    static String label(ColorPolicy p) {
        return p == ColorPolicy.SRGB ? "convert to sRGB" : "keep the source's profile";
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
