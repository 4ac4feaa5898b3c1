package io.pixpool.ui;

import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.watch.FolderWatch;
import io.pixpool.batch.watch.WatchListener;
import io.pixpool.batch.watch.WatchSettings;
import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's watch folder: a folder whose new images are processed with the current settings as they arrive,
 * each arrival becoming a row of the live table. Runs as the window's batch (settings locked, Pause and Cancel work);
 * {@link #stopWatching()} ends the intake and lets the taken files finish. Outputs go to the output folder, or when
 * none is given to {@value MainViewModel#DEFAULT_OUT} beside the watched folder. FX thread only.
 */
public final class WatchModel {

    private final MainViewModel vm;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final BooleanProperty includeExisting = new SimpleBooleanProperty(this, "includeExisting", false);
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final ReadOnlyIntegerWrapper ignored = new ReadOnlyIntegerWrapper(this, "ignored");
    private final StringBinding problem;
    private Path watched;

    WatchModel(MainViewModel vm) {
        this.vm = vm;
        problem = Bindings.createStringBinding(this::computeProblem, folder, vm.settings().checkedProperty(),
                vm.settings().outputFolderProperty(), vm.run().stateProperty());
        vm.run().stateProperty().addListener((o, was, now) -> {
            if (now == RunState.IDLE) watching.set(false);
        });
    }

    /** Starts watching with the current settings; returns null, or why it cannot start. */
    public String startWatching() {
        String p = problem.get();
        if (p != null) return p;
        Path dir = folderPath();
        Path out = outputRoot();
        Recipe recipe = vm.settings().checkedProperty().get().recipe();
        int workers = vm.settings().workersProperty().get();
        BatchSettings settings = BatchSettings.of(recipe, out).withWorkers(workers)
                .withWorkerHeapMb(BatchSettings.defaultWorkerHeapMb(workers));
        WatchSettings ws = WatchSettings.of(List.of(dir)).withIncludeExisting(includeExisting.get());
        vm.saveSettings();
        watched = ws.folders().get(0);
        ignored.set(0);
        watching.set(true);
        WatchListener wl = new WatchListener() {
            @Override public void ignored(Path file, String reason) {
                Platform.runLater(() -> ignored.set(ignored.get() + 1));
            }

            @Override public void problem(String message) {
                Platform.runLater(() -> vm.notices().add(new Notice(Notice.Kind.WARNING, "Watch folder", message, List.of())));
            }
        };
        Path root = watched;
        vm.run().startOpen(listener -> {
            try {
                return WatchHandle.start(ws, settings, listener, wl);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, q -> {
            Path parent = q.source().getParent();
            FileRow row = new FileRow(new InputFile(q.source(), root.relativize(parent)), root, FileRow.UNKNOWN);
            vm.rows().add(row);
            return row;
        });
        return null;
    }

    /** Stops watching; files already taken are processed, then the run ends as a batch does. */
    public void stopWatching() {
        if (watching.get()) vm.run().stopWatching();
    }

    /** Where outputs go: the output folder setting, or {@value MainViewModel#DEFAULT_OUT} beside the watched folder. */
    Path outputRoot() {
        String typed = vm.settings().outputFolderProperty().get().trim();
        if (!typed.isEmpty()) return Path.of(typed).toAbsolutePath().normalize();
        Path dir = folderPath();
        return dir == null ? null : MainViewModel.besideOf(dir);
    }

    private Path folderPath() {
        String t = folder.get().trim();
        if (t.isEmpty()) return null;
        try {
            return Path.of(t).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private String computeProblem() {
        if (vm.run().getState().isBusy()) return "A batch is running";
        if (folder.get().isBlank()) return "Choose a folder to watch";
        Path dir = folderPath();
        if (dir == null || !Files.isDirectory(dir)) return "Watch folder: " + folder.get().trim() + " is not a folder";
        String settingsProblem = vm.settings().checkedProperty().get().problem();
        if (settingsProblem != null) return settingsProblem;
        String out = FolderWatch.outputProblem(List.of(dir), outputRoot());
        return out == null ? null : "Watch folder: " + out;
    }

    public StringProperty folderProperty() { return folder; }
    /** Also process the images already in the folder (default: only new ones). */
    public BooleanProperty includeExistingProperty() { return includeExisting; }
    /** True from {@link #startWatching()} until the run has ended. */
    public ReadOnlyBooleanProperty watchingProperty() { return watching.getReadOnlyProperty(); }
    /** Files that arrived but are not images, during the current or last watch. */
    public ReadOnlyIntegerProperty ignoredProperty() { return ignored.getReadOnlyProperty(); }
    /** Why watching cannot start now; null when it can. */
    public StringBinding problemProperty() { return problem; }
    /** The folder being (or last) watched, or null. */
    public Path watched() { return watched; }
}
