package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings panel with all the sections of issue #7: hidden rows take no room. */
@ExtendWith(ApplicationExtension.class)
class SettingsLayoutTest {

    private final Preferences prefs = UiTestSupport.tempPrefs();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        vm = TestWindows.open(stage, prefs, BatchStarter.pool());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        UiTestSupport.removePrefs(prefs);
    }

    private static double top(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return fxGet(() -> n.localToScene(n.getBoundsInLocal()).getMinY());
    }

    private static double left(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return fxGet(() -> n.localToScene(n.getBoundsInLocal()).getMinX());
    }

    /**
     * Found by QA on the screenshots: the "More outputs" rows had their own label column, so their fields and
     * switches started 28 px left of every other row's; and "Up to KB" looked usable with PNG output.
     */
    @Test
    void moreOutputsRowsLineUpAndUpToKbFollowsTheFormat(FxRobot robot) {
        assertThat(left(robot, "#alsoSizes")).isEqualTo(left(robot, "#width"));
        assertThat(left(robot, "#skipIfLarger")).isEqualTo(left(robot, "#upscale"));
        javafx.scene.control.TextField maxKb = robot.lookup("#maxKb").queryAs(javafx.scene.control.TextField.class);
        for (io.pixpool.core.OutputFormat f : io.pixpool.core.OutputFormat.values()) {
            fx(() -> vm.settings().formatProperty().set(f));
            boolean lossy = f == io.pixpool.core.OutputFormat.JPG || f == io.pixpool.core.OutputFormat.SAME
                    || f == io.pixpool.core.OutputFormat.WEBP;
            assertThat(fxGet(maxKb::isDisabled)).as(f.id()).isEqualTo(!lossy);
        }
        fx(() -> vm.settings().outputs().webpLosslessProperty().set(true));
        assertThat(fxGet(maxKb::isDisabled)).as("lossless WebP").isTrue();
    }

    /**
     * Found by QA on the screenshots: with the watermark text switched off there was a 42 px hole between "Text"
     * and "Logo" (and 30 px before "Frame"): the grid's gap was added for each hidden row.
     */
    @Test
    void switchedOffPartsLeaveNoHole(FxRobot robot) {
        fx(() -> vm.settings().modeProperty().set(io.pixpool.core.ResizeMode.FIT));
        WaitForAsyncUtils.waitForFxEvents();
        double pitch = top(robot, "#height") - top(robot, "#width");
        assertThat(pitch).isPositive();
        double textToLogo = top(robot, "#logoOn") - top(robot, "#watermarkOn");
        double logoToPad = top(robot, "#padOn") - top(robot, "#logoOn");
        double padToBorder = top(robot, "#borderOn") - top(robot, "#padOn");
        // a switch row is a little lower than a text field row, never several gaps taller
        assertThat(textToLogo).isLessThan(pitch + 4);
        assertThat(padToBorder).isLessThan(pitch + 4);
        assertThat(logoToPad).as("Logo to the Frame section (its title between)").isLessThan(2 * pitch + 12);

        fx(() -> vm.settings().look().textOnProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(top(robot, "#logoOn") - top(robot, "#watermarkOn")).as("seven text rows shown")
                .isGreaterThan(6 * pitch);
    }

    /** What most jobs set (size, format, folder) comes before the decorations, which are off unless switched on. */
    @Test
    void sectionsRunFromSizeToOutputBeforeTheDecorations(FxRobot robot) {
        java.util.List<String> titles = fxGet(() -> robot.lookup(".section-title").queryAll().stream()
                .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinY()))
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertThat(titles).containsSubsequence("Size", "Filters", "Output", "More outputs", "Metadata", "Watermark",
                "Frame", "Workers");
    }
}
