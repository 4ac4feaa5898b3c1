package io.pixpool.ui;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Add files…, Add folder…, Remove, Clear and the scanning indicator. Everything goes to the view-model. */
final class InputToolbar {

    private final ToolBar bar;
    private final MainViewModel vm;
    private final Supplier<Window> window;
    private File lastDir;

    InputToolbar(MainViewModel vm, Supplier<Window> window, Supplier<List<FileRow>> selection, Node... extra) {
        this.vm = vm;
        this.window = window;
        Button addFiles = button("Add files\u2026", "addFiles", "Choose image files to add (Ctrl+O)");
        addFiles.setOnAction(e -> chooseFiles());
        Button addFolder = button("Add folder\u2026", "addFolder", "Choose a folder; its images are added, subfolders included");
        addFolder.setOnAction(e -> chooseFolder());
        Button remove = button("Remove", "remove", "Remove the selected files from the list (Delete)");
        remove.setOnAction(e -> vm.remove(selection.get()));
        Button clear = button("Clear", "clear", "Remove every file from the list");
        clear.setOnAction(e -> vm.clear());
        for (Button b : List.of(addFiles, addFolder, remove)) b.disableProperty().bind(vm.busyProperty());
        clear.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.rows())));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label scanning = new Label();
        scanning.setId("scanning");
        scanning.textProperty().bind(Bindings.createStringBinding(
                () -> "Scanning\u2026 " + String.format("%,d", vm.files().scannedProperty().get()) + " entries",
                vm.files().scannedProperty()));
        HBox scanBox = new HBox(6, spinner, scanning);
        scanBox.setPadding(new Insets(0, 0, 0, 8));
        scanBox.visibleProperty().bind(vm.files().scanningProperty());
        scanBox.managedProperty().bind(scanBox.visibleProperty());

        bar = new ToolBar(addFiles, addFolder, remove, clear, scanBox);
        if (extra.length > 0) {
            bar.getItems().add(new Separator());
            bar.getItems().addAll(extra);
        }
    }

    Node node() {
        return bar;
    }

    void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Add images");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.bmp", "*.tif",
                        "*.tiff", "*.webp", "*.JPG", "*.JPEG", "*.PNG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDir != null && lastDir.isDirectory()) fc.setInitialDirectory(lastDir);
        List<File> files = fc.showOpenMultipleDialog(window.get());
        if (files == null || files.isEmpty()) return;
        lastDir = files.get(0).getParentFile();
        vm.addPaths(DropTarget.paths(files));
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Add a folder of images");
        if (lastDir != null && lastDir.isDirectory()) dc.setInitialDirectory(lastDir);
        File dir = dc.showDialog(window.get());
        if (dir == null) return;
        lastDir = dir.getParentFile();
        vm.addPaths(List.of(dir.toPath()));
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
