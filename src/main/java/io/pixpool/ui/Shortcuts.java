package io.pixpool.ui;

import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Window-wide keys: Ctrl+O adds files, Ctrl+Enter starts, Esc cancels a running batch (Delete is the table's own
 * key). A scene event filter rather than accelerators, so a focused control (a button handles Enter and Esc itself)
 * cannot swallow them. Notification pop-ups take the keyboard while they show and would eat Esc to close
 * themselves, so they get the same filter.
 */
final class Shortcuts {

    static final KeyCombination ADD_FILES = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Style class of the content of ControlsFX's notification pop-ups. */
    private static final String NOTIFICATION = ".notification-bar";

    private Shortcuts() {
    }

    static void install(Scene scene, MainViewModel vm, Runnable addFiles) {
        EventHandler<KeyEvent> keys = e -> {
            if (ADD_FILES.match(e) && !vm.busyProperty().get()) {
                e.consume();
                addFiles.run();
            } else if (START.match(e) && vm.canStartProperty().get()) {
                e.consume();
                vm.start();
            } else if (CANCEL.match(e) && vm.busyProperty().get()) {
                e.consume(); // only while running: otherwise Esc keeps closing pop-ups and editors as usual
                vm.cancel();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (isNotificationOf(w, scene.getWindow())) w.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                }
            }
        });
    }

    private static boolean isNotificationOf(Window w, Window owner) {
        return w instanceof PopupWindow && ((PopupWindow) w).getOwnerWindow() == owner && w.getScene() != null
                && w.getScene().getRoot().lookup(NOTIFICATION) != null;
    }
}
