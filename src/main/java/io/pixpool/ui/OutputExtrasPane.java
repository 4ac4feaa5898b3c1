package io.pixpool.ui;

import io.pixpool.core.OutputFormat;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The settings section for further outputs per file (more sizes), size targets and WebP lossless, bound to
 * {@link OutputExtrasModel}; its invalid values are decorated by the panel's validation support.
 */
final class OutputExtrasPane {

    private final OutputExtrasModel model;
    private final ObjectProperty<OutputFormat> format;
    private final ValidationSupport validation;

    OutputExtrasPane(OutputExtrasModel model, ObjectProperty<OutputFormat> format, ValidationSupport validation) {
        this.model = model;
        this.format = format;
        this.validation = validation;
    }

    /** Adds the rows through the settings panel's {@code add} (a labelled row), so they line up with the others. */
    void build(BiFunction<String, Node, Label> add) {
        TextField also = new TextField();
        also.setId("alsoSizes");
        also.setPromptText("e.g. 800, 200x200:{name}-thumb");
        also.textProperty().bindBidirectional(model.alsoProperty());
        also.setTooltip(new Tooltip("Further outputs of every file, written in the same pass from one decode,"
                + " separated by commas: N = long edge, WxH = fit inside; ':PATTERN' names it (default {name}-N)"));
        validation.registerValidator(also, false, check(OutputExtrasSettings::alsoProblem));
        add.apply("More sizes", also);

        ToggleSwitch skip = new ToggleSwitch();
        skip.setId("skipIfLarger");
        skip.selectedProperty().bindBidirectional(model.skipIfLargerProperty());
        skip.setTooltip(new Tooltip("On: an output that would be larger than its source file is not written"));
        add.apply("Skip if larger", skip);

        TextField maxKb = new TextField();
        maxKb.setId("maxKb");
        maxKb.setPrefColumnCount(6);
        maxKb.setPromptText("no limit");
        maxKb.textProperty().bindBidirectional(model.maxKbProperty());
        maxKb.setTooltip(new Tooltip("JPEG and lossy WebP: the highest quality (up to the quality above) whose file"
                + " fits in this many KB is chosen; empty = no limit"));
        validation.registerValidator(maxKb, false, check(OutputExtrasSettings::maxKbProblem));
        // as on the command line: only JPEG and lossy WebP have a quality to lower
        maxKb.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            OutputFormat f = format.get();
            return f != OutputFormat.JPG && f != OutputFormat.SAME
                    && (f != OutputFormat.WEBP || model.webpLosslessProperty().get());
        }, format, model.webpLosslessProperty()));
        add.apply("Up to KB", maxKb);

        ToggleSwitch lossless = new ToggleSwitch();
        lossless.setId("webpLossless");
        lossless.selectedProperty().bindBidirectional(model.webpLosslessProperty());
        lossless.setTooltip(new Tooltip("WebP: lossless (exact pixels, larger) instead of lossy at the quality above"));
        lossless.disableProperty().bind(Bindings.createBooleanBinding(() -> format.get() != OutputFormat.WEBP, format));
        add.apply("WebP lossless", lossless);
    }

    private static Validator<String> check(Function<String, String> problem) {
        return (Control c, String v) -> {
            String p = problem.apply(v == null ? "" : v);
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null);
        };
    }
}
