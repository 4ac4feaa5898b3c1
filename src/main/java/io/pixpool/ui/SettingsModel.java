package io.pixpool.ui;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings panel's state as observable properties, and whether it makes a valid recipe ({@link #checkedProperty}
 * follows every change).
 */
public final class SettingsModel {

    private final ObjectProperty<ResizeMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty width = new SimpleStringProperty(this, "width");
    private final StringProperty height = new SimpleStringProperty(this, "height");
    private final StringProperty percent = new SimpleStringProperty(this, "percent");
    private final BooleanProperty upscale = new SimpleBooleanProperty(this, "upscale");
    private final ObjectProperty<ScaleQuality> quality = new SimpleObjectProperty<>(this, "quality");
    private final FilterListModel filters = new FilterListModel();
    private final ObjectProperty<OutputFormat> format = new SimpleObjectProperty<>(this, "format");
    private final IntegerProperty jpegQuality = new SimpleIntegerProperty(this, "jpegQuality");
    private final StringProperty namePattern = new SimpleStringProperty(this, "namePattern");
    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder");
    private final ObjectProperty<ConflictPolicy> conflict = new SimpleObjectProperty<>(this, "conflict");
    private final IntegerProperty workers = new SimpleIntegerProperty(this, "workers");
    private final OutputExtrasModel outputs = new OutputExtrasModel();
    private final LookModel look = new LookModel();
    private final MetadataModel metadata = new MetadataModel();
    private final ReadOnlyObjectWrapper<SettingsValidation.Checked> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private boolean applying;

    public SettingsModel(UiSettings initial) {
        apply(initial);
        InvalidationListener recheck = o -> {
            if (!applying) recheck();
        };
        // spinners may pass through out-of-range values before they clamp: keep the model in range
        workers.addListener((o, a, b) -> workers.set(clamp(b.intValue(), 1, UiSettings.maxWorkers())));
        jpegQuality.addListener((o, a, b) -> jpegQuality.set(clamp(b.intValue(), 1, 100)));
        for (Observable o : new Observable[] {mode, width, height, percent, upscale, quality, filters.steps(), format,
                jpegQuality, namePattern, outputFolder, conflict, workers}) {
            o.addListener(recheck);
        }
        for (Observable o : outputs.observables()) o.addListener(recheck);
        for (Observable o : look.observables()) o.addListener(recheck);
        for (Observable o : metadata.observables()) o.addListener(recheck);
    }

    /** Replaces every value (one re-check at the end). */
    public void apply(UiSettings s) {
        applying = true;
        try {
            mode.set(s.mode());
            width.set(s.width());
            height.set(s.height());
            percent.set(s.percent());
            upscale.set(s.upscale());
            quality.set(s.quality());
            filters.setAll(s.filters());
            format.set(s.format());
            jpegQuality.set(s.jpegQuality());
            namePattern.set(s.namePattern());
            outputFolder.set(s.outputFolder());
            conflict.set(s.conflict());
            workers.set(clamp(s.workers(), 1, UiSettings.maxWorkers()));
            outputs.apply(s.outputs());
            look.apply(s.look());
            metadata.apply(s.metadata());
        } finally {
            applying = false;
        }
        recheck();
    }

    public UiSettings snapshot() {
        return new UiSettings(mode.get(), width.get(), height.get(), percent.get(), upscale.get(), quality.get(),
                filters.steps(), format.get(), clamp(jpegQuality.get(), 1, 100), namePattern.get(),
                outputFolder.get(), conflict.get(), clamp(workers.get(), 1, UiSettings.maxWorkers()), outputs.snapshot(),
                look.snapshot(), metadata.snapshot());
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private void recheck() {
        checked.set(SettingsValidation.check(snapshot()));
    }

    public ObjectProperty<ResizeMode> modeProperty() { return mode; }
    public StringProperty widthProperty() { return width; }
    public StringProperty heightProperty() { return height; }
    public StringProperty percentProperty() { return percent; }
    public BooleanProperty upscaleProperty() { return upscale; }
    public ObjectProperty<ScaleQuality> qualityProperty() { return quality; }
    public FilterListModel filters() { return filters; }
    public ObjectProperty<OutputFormat> formatProperty() { return format; }
    public IntegerProperty jpegQualityProperty() { return jpegQuality; }
    public StringProperty namePatternProperty() { return namePattern; }
    public StringProperty outputFolderProperty() { return outputFolder; }
    public ObjectProperty<ConflictPolicy> conflictProperty() { return conflict; }
    public IntegerProperty workersProperty() { return workers; }
    public OutputExtrasModel outputs() { return outputs; }
    /** Watermarks, padding and border. */
    public LookModel look() { return look; }
    public MetadataModel metadata() { return metadata; }

    /** The recipe these settings make, or why they make none. */
    public ReadOnlyObjectProperty<SettingsValidation.Checked> checkedProperty() { return checked.getReadOnlyProperty(); }
}
