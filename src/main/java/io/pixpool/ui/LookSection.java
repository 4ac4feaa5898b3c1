package io.pixpool.ui;

import io.pixpool.core.Anchor;
import io.pixpool.core.Border;
import io.pixpool.core.Fonts;
import io.pixpool.core.ResizeMode;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The "Watermark" and "Frame" sections of the settings panel, bound to {@link LookModel}: a switch per part, and
 * that part's values shown only while it is on. Rows go into the panel's grid through its own helpers, so they line
 * up with the other sections.
 */
final class LookSection {

    private final LookModel look;
    private final ObjectProperty<ResizeMode> mode;
    private final ValidationSupport validation;
    private final Supplier<Window> window;

    LookSection(SettingsModel model, ValidationSupport validation, Supplier<Window> window) {
        this.look = model.look();
        this.mode = model.modeProperty();
        this.validation = validation;
        this.window = window;
    }

    /** Adds the rows: {@code section} starts a titled section, {@code add} adds a labelled row. */
    void build(Consumer<String> section, BiFunction<String, Node, Label> add) {
        section.accept("Watermark");
        ToggleSwitch textOn = toggle("watermarkOn", look.textOnProperty(), "Draw a line of text on every output");
        add.apply("Text", textOn);
        TextField text = new TextField();
        text.setId("watermarkText");
        text.textProperty().bindBidirectional(look.textProperty());
        text.setTooltip(new Tooltip("The text to draw, e.g. \u00A9 2026 Your Name"));
        validation.registerValidator(text, false, (Control c, String v) -> {
            String p = look.textOnProperty().get() ? LookSettings.textProblem(v == null ? "" : v) : null;
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null);
        });
        look.textOnProperty().addListener(o -> validation.revalidate());
        ComboBox<String> font = new ComboBox<>();
        font.setId("watermarkFont");
        font.getItems().setAll(Fonts.families());
        font.valueProperty().bindBidirectional(look.fontProperty());
        font.setMaxWidth(Double.MAX_VALUE);
        font.setTooltip(new Tooltip("Font family; the logical fonts (SansSerif, Serif, Monospaced) exist everywhere"));
        Node[] textRows = {
            text, font,
            spinner("watermarkSize", 1, LookSettings.MAX_TEXT_SIZE, look.textSizeProperty(),
                    "Text height in percent of the output's shorter side"),
            colour("watermarkColor", look.textColorProperty(), "Text colour"),
            spinner("watermarkOpacity", 0, 100, look.textOpacityProperty(), "0 invisible, 100 opaque"),
            anchors("watermarkPosition", look.textAnchorProperty()),
            spinner("watermarkMargin", 0, LookSettings.MAX_MARGIN, look.textMarginProperty(),
                    "Distance from the edges in percent of the shorter side")};
        String[] textLabels = {"", "Font", "Size %", "Colour", "Opacity %", "Position", "Margin %"};
        for (int i = 0; i < textRows.length; i++) showWhen(textRows[i], add.apply(textLabels[i], textRows[i]), look.textOnProperty());

        ToggleSwitch imageOn = toggle("logoOn", look.imageOnProperty(), "Draw a picture (e.g. a PNG logo) on every output");
        add.apply("Logo", imageOn);
        Node[] imageRows = {
            fileRow(),
            spinner("logoScale", 1, 100, look.imageScaleProperty(), "Logo width in percent of the output width"),
            spinner("logoOpacity", 0, 100, look.imageOpacityProperty(),
                    "0 invisible, 100 as the picture is (its own transparency is kept)"),
            anchors("logoPosition", look.imageAnchorProperty()),
            spinner("logoMargin", 0, LookSettings.MAX_MARGIN, look.imageMarginProperty(),
                    "Distance from the edges in percent of the shorter side")};
        String[] imageLabels = {"", "Width %", "Opacity %", "Position", "Margin %"};
        for (int i = 0; i < imageRows.length; i++) showWhen(imageRows[i], add.apply(imageLabels[i], imageRows[i]), look.imageOnProperty());

        section.accept("Frame");
        ToggleSwitch padOn = toggle("padOn", look.padOnProperty(),
                "Centre the result on a canvas of exactly the size box (letterbox)");
        add.apply("Pad to box", padOn);
        ColorPicker padColor = colour("padColor", look.padColorProperty(), "Colour of the padding");
        showWhen(padColor, add.apply("Pad colour", padColor), look.padOnProperty());
        ToggleSwitch borderOn = toggle("borderOn", look.borderOnProperty(), "A plain frame around the output");
        add.apply("Border", borderOn);
        Node width = spinner("borderWidth", 1, Border.MAX_WIDTH, look.borderWidthProperty(), "Border width in pixels");
        showWhen(width, add.apply("Width px", width), look.borderOnProperty());
        ColorPicker borderColor = colour("borderColor", look.borderColorProperty(), "Colour of the border");
        showWhen(borderColor, add.apply("Border colour", borderColor), look.borderOnProperty());
        mode.addListener(o -> validation.revalidate());
    }

    private Node fileRow() {
        TextField file = new TextField();
        file.setId("logoFile");
        file.setPromptText("/path/to/logo.png");
        file.textProperty().bindBidirectional(look.imageFileProperty());
        file.setTooltip(new Tooltip("The watermark picture; a PNG with transparency works best"));
        validation.registerValidator(file, false, (Control c, String v) -> {
            String p = look.imageOnProperty().get() ? LookSettings.imageProblem(v == null ? "" : v) : null;
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null);
        });
        look.imageOnProperty().addListener(o -> validation.revalidate());
        Button choose = new Button("Choose\u2026");
        choose.setId("chooseLogo");
        choose.setTooltip(new Tooltip("Choose the watermark picture"));
        choose.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Watermark picture");
            fc.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Pictures", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp", "*.webp",
                            "*.tif", "*.tiff"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            String current = look.imageFileProperty().get();
            if (!current.isBlank()) {
                File parent = Path.of(current.trim()).toAbsolutePath().getParent().toFile();
                if (parent.isDirectory()) fc.setInitialDirectory(parent);
            }
            File chosen = fc.showOpenDialog(window.get());
            if (chosen != null) look.imageFileProperty().set(chosen.getAbsolutePath());
        });
        HBox box = new HBox(6, file, choose);
        HBox.setHgrow(file, Priority.ALWAYS);
        return box;
    }

    private static void showWhen(Node control, Label label, BooleanProperty on) {
        control.visibleProperty().bind(on);
        control.managedProperty().bind(on);
        label.visibleProperty().bind(on);
        label.managedProperty().bind(on);
    }

    private static ToggleSwitch toggle(String id, BooleanProperty prop, String tip) {
        ToggleSwitch t = new ToggleSwitch();
        t.setId(id);
        t.selectedProperty().bindBidirectional(prop);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private static ColorPicker colour(String id, ObjectProperty<javafx.scene.paint.Color> prop, String tip) {
        ColorPicker c = new ColorPicker();
        c.setId(id);
        c.valueProperty().bindBidirectional(prop);
        c.setTooltip(new Tooltip(tip));
        return c;
    }

    private static ComboBox<Anchor> anchors(String id, ObjectProperty<Anchor> prop) {
        ComboBox<Anchor> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(Anchor.values());
        c.setConverter(converter(Anchor::label));
        c.valueProperty().bindBidirectional(prop);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setTooltip(new Tooltip("Where on the picture"));
        return c;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty prop, String tip) {
        Spinner<Integer> s = new Spinner<>(min, max, LookSettings.clamp(prop.get(), min, max));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        ObjectProperty<Integer> value = prop.asObject();
        // held by the spinner: bidirectional bindings are weak, the adapter must live as long as the control
        s.getProperties().put(LookSection.class, value);
        s.getValueFactory().valueProperty().bindBidirectional(value);
        s.setTooltip(new Tooltip(tip));
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) commit(s);
        });
        return s;
    }

    private static void commit(Spinner<Integer> s) {
        try {
            s.getValueFactory().setValue(Integer.valueOf(s.getEditor().getText().trim()));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue())); // not a number: show the value kept
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : label.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException("not editable"); }
        };
    }
}
