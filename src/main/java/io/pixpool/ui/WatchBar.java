package io.pixpool.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The watch folder row above the run buttons: folder, "already there too", Watch / Stop watching, and status. */
final class WatchBar {

    private final HBox box;

    WatchBar(WatchModel watch, RunController run, Supplier<Window> window) {
        Label title = new Label("Watch folder:");
        TextField folder = new TextField();
        folder.setId("watchFolder");
        folder.setPromptText("new images in this folder are processed as they arrive");
        folder.setPrefColumnCount(22);
        folder.textProperty().bindBidirectional(watch.folderProperty());
        HBox.setHgrow(folder, Priority.SOMETIMES);

        Button choose = new Button("Choose\u2026");
        choose.setId("watchChoose");
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder to watch");
            Path current = Path.of(watch.folderProperty().get().isBlank() ? "." : watch.folderProperty().get().trim());
            if (Files.isDirectory(current)) dc.setInitialDirectory(current.toAbsolutePath().toFile());
            File f = dc.showDialog(window.get());
            if (f != null) watch.folderProperty().set(f.getAbsolutePath());
        });

        CheckBox existing = new CheckBox("Images already there too");
        existing.setId("watchExisting");
        existing.selectedProperty().bindBidirectional(watch.includeExistingProperty());
        existing.setTooltip(new Tooltip("Off: only images that arrive after Watch is pressed are processed"));

        Button start = new Button("Watch");
        start.setId("watchStart");
        start.setTooltip(new Tooltip("Process new images arriving in the folder and its subfolders with the current "
                + "settings until Stop watching"));
        start.setOnAction(e -> watch.startWatching());
        start.disableProperty().bind(watch.problemProperty().isNotNull());

        Button stop = new Button("Stop watching");
        stop.setId("watchStop");
        stop.setTooltip(new Tooltip("Stop taking new files; the ones already taken finish"));
        stop.setOnAction(e -> watch.stopWatching());
        stop.disableProperty().bind(watch.watchingProperty().not()
                .or(run.stateProperty().isEqualTo(RunState.CANCELLING)));

        folder.disableProperty().bind(run.stateProperty().isNotEqualTo(RunState.IDLE));
        choose.disableProperty().bind(folder.disableProperty());
        existing.disableProperty().bind(folder.disableProperty());

        Label status = new Label();
        status.setId("watchStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (watch.watchingProperty().get()) {
                int ignored = watch.ignoredProperty().get();
                return "Watching: " + run.totalProperty().get() + " arrived"
                        + (ignored > 0 ? ", " + ignored + " not images" : "");
            }
            String p = watch.problemProperty().get();
            return p == null || run.getState().isBusy() ? "" : p;
        }, watch.watchingProperty(), watch.ignoredProperty(), run.totalProperty(), watch.problemProperty(),
                run.stateProperty()));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        box = new HBox(title, folder, choose, existing, start, stop, status);
        box.getStyleClass().add("run-bar");
        box.setId("watchBar");
    }

    Node node() {
        return box;
    }
}
