package io.pixpool.ui;

import io.pixpool.batch.BatchSettings;
import io.pixpool.core.ImagePipeline;
import io.pixpool.core.InputScanner;
import io.pixpool.core.NamePattern;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeMode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state and everything it can do, without any controls: the file list, the settings, the preview, the
 * running batch, presets and notices. The view binds to these properties and forwards the user's intent to the
 * methods. FX thread only.
 */
public final class MainViewModel {

    /** Name of the default output folder, created beside the first input. */
    public static final String DEFAULT_OUT = "pixpool-out";
    private static final int MAX_NOTICES = 100;

    private final SettingsStore store;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final FileListModel files;
    private final SettingsModel settings;
    private final RunController run;
    private final PreviewModel preview;
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final PresetCatalog presets;
    private final ObjectProperty<FileRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectBinding<Path> defaultOutput;
    private final ObjectBinding<Path> outputRoot;
    private final StringBinding startProblem;
    private final BooleanBinding canStart;
    private final BooleanBinding busy;
    private final StringBinding exampleName;
    private final WatchModel watch;

    public MainViewModel(SettingsStore store, InputScanner scanner, ImagePipeline pipeline, BatchStarter starter) {
        this.store = Objects.requireNonNull(store, "store");
        files = new FileListModel(scanner, notices::add);
        settings = new SettingsModel(store.load());
        run = new RunController(starter);
        preview = new PreviewModel(pipeline);
        presets = new PresetCatalog(store.presets());
        presetNames.setAll(presets.names());

        ObservableList<FileRow> rows = files.rows();
        busy = Bindings.createBooleanBinding(() -> run.getState().isBusy(), run.stateProperty());
        defaultOutput = Bindings.createObjectBinding(() -> rows.isEmpty() ? null : besideOf(rows.get(0).origin()), rows);
        outputRoot = Bindings.createObjectBinding(() -> {
            String typed = settings.outputFolderProperty().get().trim();
            if (typed.isEmpty()) return defaultOutput.get();
            return SettingsValidation.folderProblem(typed) == null ? Path.of(typed) : null;
        }, settings.outputFolderProperty(), defaultOutput);
        startProblem = Bindings.createStringBinding(this::computeStartProblem, run.stateProperty(),
                files.scanningProperty(), rows, settings.checkedProperty());
        canStart = startProblem.isNull();
        preview.sourceProperty().bind(Bindings.createObjectBinding(
                () -> selected.get() == null ? null : selected.get().source(), selected));
        preview.recipeProperty().bind(Bindings.createObjectBinding(
                () -> settings.checkedProperty().get().recipe(), settings.checkedProperty()));
        run.lastSummaryProperty().addListener((o, was, summary) -> {
            if (summary != null) notices.add(FinishReport.of(summary, files.rows()));
        });
        notices.addListener((javafx.collections.ListChangeListener<Notice>) c -> {
            if (notices.size() > MAX_NOTICES) notices.remove(0, notices.size() - MAX_NOTICES);
        });
        exampleName = Bindings.createStringBinding(this::computeExampleName, settings.checkedProperty(), selected,
                rows, preview.afterDimsProperty());
        watch = new WatchModel(this);
    }

    /** A view-model over the real scanner, pipeline and worker pool, keeping its settings in {@code prefs}. */
    public static MainViewModel create(Preferences prefs) {
        return create(prefs, BatchStarter.pool());
    }

    /** The same, its batches started by {@code starter}. */
    public static MainViewModel create(Preferences prefs, BatchStarter starter) {
        return new MainViewModel(new SettingsStore(prefs), new InputScanner(), new ImagePipeline(), starter);
    }

    // ---- input ---------------------------------------------------------------------------------------------------

    /**
     * Adds files and folders (what a drop, the file choosers and the command line all do). Refused while a batch
     * runs. Completes with the number of images added.
     */
    public CompletableFuture<Integer> addPaths(List<Path> paths) {
        if (busy.get()) {
            notices.add(new Notice(Notice.Kind.WARNING, "Batch running", "Add files once this batch has finished.",
                    List.of()));
            return CompletableFuture.completedFuture(0);
        }
        return files.addPaths(paths).thenApply(added -> {
            if (added > 0) prepareWorkers();
            return added;
        });
    }

    /** With files to run, the worker processes for them start now (if the starter keeps workers), not on Start. */
    private void prepareWorkers() {
        BatchSettings s = batchSettings();
        if (s != null && !files.rows().isEmpty()) run.prepare(s, files.rows().stream().map(FileRow::input).toList());
    }

    public void remove(Collection<FileRow> rows) {
        if (!busy.get()) files.remove(rows);
    }

    public void clear() {
        if (!busy.get()) files.clear();
    }

    // ---- run -----------------------------------------------------------------------------------------------------

    /** Runs every file in the list with the current settings (the settings are saved first). */
    public void start() {
        BatchSettings s = batchSettings();
        if (s == null) return;
        saveSettings();
        run.start(s, List.copyOf(files.rows()));
    }

    /** Runs only the files that failed in their last run, with the current settings. */
    public void retryFailed() {
        List<FileRow> failed = files.rows().stream().filter(r -> r.getStatus() == RowStatus.FAILED).toList();
        BatchSettings s = batchSettings();
        if (s == null || failed.isEmpty()) return;
        run.start(s, failed);
    }

    public void pauseOrResume() {
        if (run.getState() == RunState.PAUSED) {
            run.resume();
        } else {
            run.pause();
        }
    }

    public void cancel() {
        run.cancel();
    }

    /** The batch the current settings make, or null (with {@link #startProblemProperty} saying why). */
    public BatchSettings batchSettings() {
        if (startProblem.get() != null) return null;
        Recipe recipe = settings.checkedProperty().get().recipe();
        Path out = outputRoot.get();
        if (recipe == null || out == null) return null;
        int workers = settings.workersProperty().get();
        return BatchSettings.of(recipe, out).withWorkers(workers)
                .withWorkerHeapMb(BatchSettings.defaultWorkerHeapMb(workers));
    }

    private String computeStartProblem() {
        if (run.getState().isBusy()) return "Settings are locked while the batch runs";
        String settingsProblem = settings.checkedProperty().get().problem();
        if (settingsProblem != null) return settingsProblem;
        if (files.scanningProperty().get()) return "Scanning the dropped files\u2026";
        if (files.rows().isEmpty()) return "Add images to start: drop files or folders anywhere on the window";
        return null;
    }

    /** Tab-separated "source, message" lines of every failed file, for the clipboard. */
    public String failuresText() {
        return files.rows().stream().filter(r -> r.getStatus() == RowStatus.FAILED)
                .map(r -> r.source() + "\t" + r.getMessage()).collect(Collectors.joining(System.lineSeparator()));
    }

    // ---- settings and presets ------------------------------------------------------------------------------------

    public void saveSettings() {
        store.save(settings.snapshot());
    }

    /** Saves the current settings as preset {@code name}; returns null or why not. */
    public String savePreset(String name) {
        String problem = presets.save(name, settings.snapshot());
        if (problem != null) return problem;
        presetNames.setAll(presets.names());
        return null;
    }

    /** Loads preset {@code name} (the output folder stays as it is); returns null or why not. */
    public String loadPreset(String name) {
        if (busy.get()) return "Settings are locked while the batch runs";
        java.util.Optional<UiSettings> preset = presets.load(name, settings.snapshot());
        if (preset.isEmpty()) return "No preset named '" + name + "'";
        settings.apply(preset.get());
        return null;
    }

    /** Deletes the user's preset {@code name} (shipped ones stay); returns null or why not. */
    public String deletePreset(String name) {
        String problem = presets.delete(name);
        if (problem != null) return problem;
        presetNames.setAll(presets.names());
        return null;
    }

    public SettingsStore store() { return store; }

    /** Saves the settings and stops everything (the window is closing). */
    public void shutdown() {
        saveSettings();
        run.shutdown();
        files.shutdown();
        preview.shutdown();
    }

    // ---- derived values ------------------------------------------------------------------------------------------

    private String computeExampleName() {
        Recipe r = settings.checkedProperty().get().recipe();
        if (r == null) return "";
        FileRow sample = selected.get() != null ? selected.get() : files.rows().isEmpty() ? null : files.rows().get(0);
        String name = sample == null ? "IMG_0001.jpg" : sample.getName();
        Dims d = sample != null && sample == selected.get() ? preview.afterDimsProperty().get() : null;
        if (d == null) {
            Dims g = guessDims(r);
            d = new Dims(r.decoration().width(g.width()), r.decoration().height(g.height()));
        }
        OutputFormat f = r.output().format() == OutputFormat.SAME ? OutputFormat.forSourceName(name) : r.output().format();
        return NamePattern.render(r.output().namePattern(), name, d.width(), d.height(), 1, f.extension());
    }

    private static Dims guessDims(Recipe r) {
        ResizeMode m = r.resize().mode();
        if (m.needsWidth() && m.needsHeight()) return new Dims(r.resize().width(), r.resize().height());
        if (m == ResizeMode.WIDTH || m == ResizeMode.LONG_EDGE) return new Dims(r.resize().width(), r.resize().width() * 3 / 4);
        if (m == ResizeMode.HEIGHT) return new Dims(r.resize().height() * 4 / 3, r.resize().height());
        return new Dims(4000, 3000);
    }

    static Path besideOf(Path input) {
        Path abs = input.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return (parent == null ? abs : parent).resolve(DEFAULT_OUT);
    }

    public FileListModel files() { return files; }
    public ObservableList<FileRow> rows() { return files.rows(); }
    public SettingsModel settings() { return settings; }
    public RunController run() { return run; }
    public PreviewModel preview() { return preview; }
    /** The watch folder. */
    public WatchModel watch() { return watch; }
    public ObservableList<Notice> notices() { return notices; }
    public ObservableList<String> presetNames() { return presetNames; }
    /** The row the user selected (drives the preview). */
    public ObjectProperty<FileRow> selectedProperty() { return selected; }
    /** {@value #DEFAULT_OUT} beside the first input; null with no files. */
    public ObjectBinding<Path> defaultOutputProperty() { return defaultOutput; }
    /** Where outputs will go; null when unknown or invalid. */
    public ObjectBinding<Path> outputRootProperty() { return outputRoot; }
    /** Why Start is disabled; null when it is enabled. */
    public StringBinding startProblemProperty() { return startProblem; }
    public BooleanBinding canStartProperty() { return canStart; }
    /** True while a batch runs: settings and the file list are locked. */
    public BooleanBinding busyProperty() { return busy; }
    /** The output name the naming pattern gives for the selected (or first) file. */
    public StringBinding exampleNameProperty() { return exampleName; }
}
