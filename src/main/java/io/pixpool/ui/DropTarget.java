package io.pixpool.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Makes the whole window a drop target for files and folders: shows the highlight while something droppable hovers
 * and hands the dropped paths to {@code onDrop} (the view-model's {@code addPaths}). Scanning happens there.
 */
final class DropTarget {

    static final String ACTIVE = "drop-active";

    private DropTarget() {
    }

    static void install(Scene scene, Node highlight, Consumer<List<Path>> onDrop) {
        highlight.setVisible(false);
        highlight.setMouseTransparent(true);
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        });
        scene.addEventFilter(DragEvent.DRAG_ENTERED_TARGET, e -> show(scene, highlight, e.getDragboard().hasFiles()));
        scene.addEventFilter(DragEvent.DRAG_EXITED_TARGET, e -> {
            if (e.getTarget() == scene || e.getTarget() == scene.getRoot()) show(scene, highlight, false);
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            Dragboard db = e.getDragboard();
            show(scene, highlight, false);
            if (!db.hasFiles()) return;
            onDrop.accept(paths(db.getFiles()));
            e.setDropCompleted(true);
            e.consume();
        });
        scene.addEventFilter(DragEvent.DRAG_DONE, e -> show(scene, highlight, false));
    }

    private static void show(Scene scene, Node highlight, boolean on) {
        highlight.setVisible(on);
        if (on) {
            if (!scene.getRoot().getStyleClass().contains(ACTIVE)) scene.getRoot().getStyleClass().add(ACTIVE);
        } else {
            scene.getRoot().getStyleClass().remove(ACTIVE);
        }
    }

    static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}
