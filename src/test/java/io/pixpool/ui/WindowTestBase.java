package io.pixpool.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What the window tests share: the real window over a pool of real worker processes, its settings in a throw-away
 * preferences node, a temp folder, and the clean-up after each test. TestFX looks for {@code @Start} methods among
 * the test class's own methods only, so each test class keeps a one-line {@code @Start} that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {

    protected final Preferences prefs = UiTestSupport.tempPrefs();
    @TempDir
    protected Path tmp;
    protected Stage stage;
    protected MainViewModel vm;

    /** Opens the window on {@code stage} (from the test class's {@code @Start}). */
    protected void open(Stage stage) {
        this.stage = stage;
        vm = TestWindows.open(stage, prefs, BatchStarter.pool());
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        UiTestSupport.removePrefs(prefs);
    }
}
