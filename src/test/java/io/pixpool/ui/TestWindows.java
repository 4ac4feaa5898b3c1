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
        MainViewModel vm = new MainViewModel(new SettingsStore(prefs), new InputScanner(), new ImagePipeline(), starter);
        MainWindow.show(stage, vm, null);
        stage.toFront();
        return vm;
    }
}
