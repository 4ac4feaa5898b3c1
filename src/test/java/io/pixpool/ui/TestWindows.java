package io.pixpool.ui;

import io.pixpool.core.ImagePipeline;
import io.pixpool.core.InputScanner;
import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** Opens the real window on a stage, with settings in a test's own preferences node. FX thread only. */
final class TestWindows {

    private TestWindows() {
    }

    static MainViewModel open(Stage stage, Preferences prefs, BatchStarter starter) {
        if (prefs.get("window.width", null) == null) {
            // leave room below the window on Monocle's 1280x800 screen: notifications slide in from below it, and
            // a pop-up partly off that screen makes the headless painter throw (harmless, but noisy)
            new SettingsStore(prefs).saveWindow(new WindowState(Double.NaN, Double.NaN, 1100, 680, false));
        }
        MainViewModel vm = new MainViewModel(new SettingsStore(prefs), new InputScanner(), new ImagePipeline(), starter);
        MainWindow.show(stage, vm, null);
        stage.toFront();
        return vm;
    }
}
