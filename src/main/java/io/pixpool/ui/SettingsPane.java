package io.pixpool.ui;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The settings panel: size, quality, filters, output and workers, each control bound to {@link SettingsModel}.
 * Invalid values are decorated (ControlsFX ValidationSupport) with the same checks that disable Start.
 */
final class SettingsPane {

    /** The space above each row. */
    private static final Insets ROW_GAP = new Insets(6, 0, 0, 0);
    private final GridPane grid = new GridPane();
    private final SettingsModel model;
    private final ValidationSupport validation = new ValidationSupport();
    /** Kept so the bidirectional bindings to the spinners (held weakly) live as long as the panel. */
    private final ObjectProperty<Integer> workersValue;
    private final ObjectProperty<Integer> qualityValue;
    private int row;

    SettingsPane(MainViewModel vm, Supplier<Window> window) {
        this.model = vm.settings();
        grid.getStyleClass().add("settings-pane");
        grid.setHgap(8);
        // no grid gap: a gap is added for every row, also the hidden ones (a switched-off watermark's seven rows
        // left a 42 px hole); each shown row gets its own top margin instead (a hidden row has none)
        grid.setVgap(0);
        grid.setPadding(new Insets(4, 10, 10, 10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Control.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        validation.setErrorDecorationEnabled(true);

        section("Size");
        ComboBox<ResizeMode> mode = combo("mode", ResizeMode.values(), ResizeMode::label, model.modeProperty(),
                "How the output size follows from the source size");
        add("Resize", mode);
        TextField width = number("width", model.widthProperty(), "Output width in pixels");
        Label widthLabel = add("Width", width);
        widthLabel.textProperty().bind(Bindings.createStringBinding(
                () -> SettingsValidation.widthLabel(model.modeProperty().get()), model.modeProperty()));
        showWhen(width, widthLabel, () -> model.modeProperty().get().needsWidth());
        TextField height = number("height", model.heightProperty(), "Output height in pixels");
        showWhen(height, add("Height", height), () -> model.modeProperty().get().needsHeight());
        TextField percent = number("percent", model.percentProperty(), "Output size in percent of the source");
        showWhen(percent, add("Percent", percent), () -> model.modeProperty().get() == ResizeMode.PERCENT);
        validation.registerValidator(width, false, check(v -> model.modeProperty().get().needsWidth()
                ? SettingsValidation.sizeProblem(SettingsValidation.widthLabel(model.modeProperty().get()), v) : null));
        validation.registerValidator(height, false, check(v -> model.modeProperty().get().needsHeight()
                ? SettingsValidation.sizeProblem("Height", v) : null));
        validation.registerValidator(percent, false, check(v -> model.modeProperty().get() == ResizeMode.PERCENT
                ? SettingsValidation.percentProblem(v) : null));
        model.modeProperty().addListener(o -> validation.revalidate());

        ToggleSwitch upscale = new ToggleSwitch();
        upscale.setId("upscale");
        upscale.selectedProperty().bindBidirectional(model.upscaleProperty());
        upscale.setTooltip(new Tooltip("On: images smaller than the target are enlarged."
                + " Off: they keep their size"));
        add("Enlarge small", upscale);
        add("Quality", combo("quality", ScaleQuality.values(), ScaleQuality::label, model.qualityProperty(),
                "Resampling quality: 'high quality' shrinks in steps and looks good; 'fast' is quicker"));

        section("Filters");
        wide(new FilterListEditor(model.filters()).node());

        section("Output");
        ComboBox<OutputFormat> format = combo("format", OutputFormat.values(),
                f -> f == OutputFormat.SAME ? "same as source" : f.id().toUpperCase(java.util.Locale.ROOT),
                model.formatProperty(), "File format of the outputs");
        add("Format", format);
        Spinner<Integer> quality = new Spinner<>(1, 100, model.jpegQualityProperty().get());
        qualityValue = model.jpegQualityProperty().asObject();
        spinner(quality, "jpegQuality", qualityValue, "JPEG and lossy WebP quality 1-100 (85 is a good default)");
        quality.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            OutputFormat f = model.formatProperty().get();
            return f != OutputFormat.JPG && f != OutputFormat.SAME && f != OutputFormat.WEBP;
        }, model.formatProperty()));
        add("JPEG/WebP quality", quality);
        TextField pattern = new TextField();
        pattern.setId("namePattern");
        pattern.textProperty().bindBidirectional(model.namePatternProperty());
        pattern.setTooltip(new Tooltip("Tokens: {name} source name, {ext} source extension, {w} {h} output size,"
                + " {n} counter ({n:3} = 001)"));
        validation.registerValidator(pattern, false, check(SettingsValidation::patternProblem));
        add("Name", pattern);
        Label example = new Label();
        example.setId("exampleName");
        example.getStyleClass().add("example-name");
        example.textProperty().bind(Bindings.createStringBinding(() -> vm.exampleNameProperty().get().isEmpty() ? ""
                : "e.g. " + vm.exampleNameProperty().get(), vm.exampleNameProperty()));
        add("", example);
        add("Folder", folderRow(vm, window));
        add("If it exists", combo("conflict", ConflictPolicy.values(), SettingsPane::conflictLabel,
                model.conflictProperty(), "What to do when an output file with that name already exists"));

        section("More outputs");
        new OutputExtrasPane(model.outputs(), model.formatProperty(), validation).build(this::add);

        section("Metadata");
        for (MetadataSection.Row r : new MetadataSection(model.metadata()).rows()) add(r.label(), r.control());

        // decorations come after what most jobs set (size, format, folder); they are off unless switched on
        new LookSection(model, validation, window).build(this::section, this::add);

        section("Workers");
        int max = UiSettings.maxWorkers();
        Spinner<Integer> workers = new Spinner<>(1, max, model.workersProperty().get());
        workersValue = model.workersProperty().asObject();
        spinner(workers, "workers", workersValue, "Worker processes running in parallel: 1 to " + max
                + " (default " + io.pixpool.batch.BatchSettings.defaultWorkers() + ", one per processor)");
        add("Processes", workers);
    }

    Node node() {
        return grid;
    }

    private Node folderRow(MainViewModel vm, Supplier<Window> window) {
        TextField folder = new TextField();
        folder.setId("outputFolder");
        folder.textProperty().bindBidirectional(model.outputFolderProperty());
        folder.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            Path d = vm.defaultOutputProperty().get();
            return d == null ? MainViewModel.DEFAULT_OUT + " beside the first input" : d.toString();
        }, vm.defaultOutputProperty()));
        folder.setTooltip(new Tooltip("Where outputs go; empty = a '" + MainViewModel.DEFAULT_OUT
                + "' folder beside the first input. Folder structure below dropped folders is kept."));
        validation.registerValidator(folder, false, check(SettingsValidation::folderProblem));
        Button choose = new Button("Choose\u2026");
        choose.setId("chooseOutput");
        choose.setTooltip(new Tooltip("Choose the output folder"));
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Output folder");
            Path current = vm.outputRootProperty().get();
            if (current != null && current.toFile().isDirectory()) dc.setInitialDirectory(current.toFile());
            File dir = dc.showDialog(window.get());
            if (dir != null) model.outputFolderProperty().set(dir.getAbsolutePath());
        });
        HBox box = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        return box;
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        GridPane.setHalignment(l, HPos.LEFT);
        wide(l);
    }

    /** A node across both columns, on its own row. */
    private void wide(Node n) {
        GridPane.setMargin(n, ROW_GAP);
        grid.add(n, 0, row++, 2, 1);
    }

    private Label add(String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        GridPane.setMargin(l, ROW_GAP);
        GridPane.setMargin(control, ROW_GAP);
        grid.add(l, 0, row);
        grid.add(control, 1, row++);
        return l;
    }

    private void showWhen(Node control, Label label, Supplier<Boolean> condition) {
        control.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, model.modeProperty()));
        control.managedProperty().bind(control.visibleProperty());
        label.visibleProperty().bind(control.visibleProperty());
        label.managedProperty().bind(control.visibleProperty());
    }

    private TextField number(String id, javafx.beans.property.StringProperty prop, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.textProperty().bindBidirectional(prop);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    /** A non-editable choice box bound to {@code prop}, showing each value as {@code label} says. */
    static <T> ComboBox<T> combo(String id, T[] values, Function<T, String> label, ObjectProperty<T> prop,
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

    private static void spinner(Spinner<Integer> s, String id, ObjectProperty<Integer> value, String tip) {
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        SpinnerValueFactory<Integer> f = s.getValueFactory();
        f.valueProperty().bindBidirectional(value);
        s.setTooltip(new Tooltip(tip));
        // commit typed text when the field loses focus, not only on Enter
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) commitSpinnerText(s);
        });
    }

    private static void commitSpinnerText(Spinner<Integer> s) {
        String text = s.getEditor().getText();
        try {
            s.getValueFactory().setValue(Integer.valueOf(text.trim()));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue())); // not a number: show the value kept
        }
    }

    private static Validator<String> check(Function<String, String> problem) {
        return (Control c, String v) -> {
            String p = problem.apply(v == null ? "" : v);
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null);
        };
    }

    private static String conflictLabel(ConflictPolicy p) {
        switch (p) {
            case RENAME: return "keep both (name-1.jpg)";
            case OVERWRITE: return "overwrite the old output";
            default: return "skip the file";
        }
    }
}
