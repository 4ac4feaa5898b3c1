package io.pixpool.ui;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Window-wide keys: Ctrl+O adds files, Ctrl+Enter starts, Esc cancels (Delete is the table's own key). */
final class Shortcuts {

    static final KeyCombination ADD_FILES = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);

    private Shortcuts() {
    }

    static void install(Scene scene, MainViewModel vm, Runnable addFiles) {
        scene.getAccelerators().put(ADD_FILES, () -> {
            if (!vm.busyProperty().get()) addFiles.run();
        });
        scene.getAccelerators().put(START, () -> {
            if (vm.canStartProperty().get()) vm.start();
        });
        scene.getAccelerators().put(CANCEL, vm::cancel);
    }
}
