package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Paths given on the command line (a shortcut, "Open with") are in the list when the window opens. */
class LaunchArgsTest {

    @TempDir
    Path tmp;

    @Test
    void pathsPassedAtLaunchArePreloaded() throws Exception {
        Path single = UiTestSupport.image(tmp, "single.png", 30, 20);
        Path folder = tmp.resolve("album");
        UiTestSupport.images(folder, 3, 30, 20);
        Preferences prefs = UiTestSupport.tempPrefs();
        System.setProperty(PrefsLocation.PROPERTY, prefs.absolutePath());
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(PixpoolApp.class, single.toString(), folder.toString());
        try {
            @SuppressWarnings("unchecked")
            TableView<FileRow> table = fxGet(() -> (TableView<FileRow>) stage.getScene().lookup("#fileTable"));
            UiTestSupport.waitUntil(60, "4 rows", () -> table.getItems().size() == 4);
            List<String> names = fxGet(() -> new ArrayList<>(table.getItems().stream().map(FileRow::getName).toList()));
            assertThat(names).containsExactlyInAnyOrder("single.png", "img-000.png", "img-001.png", "img-002.png");
            List<Double> iconSizes = fxGet(() -> stage.getIcons().stream().map(i -> i.getWidth()).toList());
            assertThat(iconSizes).as("window icon sizes").containsExactly(16.0, 32.0, 64.0, 128.0, 256.0);
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            System.clearProperty(PrefsLocation.PROPERTY);
            UiTestSupport.removePrefs(prefs);
        }
    }

    @Test
    void argumentsThatAreNotPathsAreSetAside() {
        List<String> ignored = new ArrayList<>();
        assertThat(PixpoolApp.paths(List.of("/a/b.jpg", "-psn_0_123", "", "c.png"), ignored))
                .containsExactly(Path.of("/a/b.jpg"), Path.of("c.png"));
        assertThat(ignored).isEmpty();
    }
}
