package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The settings panel on the real window: validation, the live example name, persistence and presets. */
class WindowSettingsTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static <T extends Node> T find(FxRobot robot, Stage stage, String id, Class<T> type) {
        return robot.from(stage.getScene().getRoot()).lookup(id).queryAs(type);
    }

    @Test
    void invalidSizeDisablesStartAndSaysWhy(FxRobot robot) {
        UiTestSupport.click(robot, "#width").push(KeyCode.CONTROL, KeyCode.A).write("0");
        Button start = find(robot, stage, "#start", Button.class);
        Label problem = find(robot, stage, "#startProblem", Label.class);
        assertThat(start.isDisabled()).isTrue();
        assertThat(problem.getText()).startsWith("Width:").contains("1 to 65535");

        UiTestSupport.click(robot, "#width").push(KeyCode.CONTROL, KeyCode.A).write("640");
        assertThat(problem.getText()).doesNotStartWith("Width").startsWith("Add images");
        assertThat(start.isDisabled()).as("no files yet").isTrue();

        fx(() -> vm.settings().modeProperty().set(ResizeMode.PERCENT));
        UiTestSupport.click(robot, "#percent").push(KeyCode.CONTROL, KeyCode.A).write("-5");
        assertThat(problem.getText()).startsWith("Percent:");
        assertThat(find(robot, stage, "#width", TextField.class).isVisible()).isFalse();
    }

    @Test
    void namePatternShowsALiveExample(FxRobot robot) {
        Label example = find(robot, stage, "#exampleName", Label.class);
        UiTestSupport.click(robot, "#namePattern").push(KeyCode.CONTROL, KeyCode.A).write("{name}-{w}x{h}-{n:3}");
        assertThat(example.getText()).isEqualTo("e.g. IMG_0001-1920x1080-001.jpg");
        fx(() -> vm.settings().formatProperty().set(OutputFormat.PNG));
        assertThat(example.getText()).isEqualTo("e.g. IMG_0001-1920x1080-001.png");
        UiTestSupport.click(robot, "#namePattern").write("{oops}");
        assertThat(find(robot, stage, "#startProblem", Label.class).getText()).startsWith("Name pattern:");
        assertThat(example.getText()).isEmpty();
    }

    @Test
    void workerCountRunsFromOneToTwiceTheProcessorsAndDefaultsToTheProcessors(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> workers = find(robot, stage, "#workers", Spinner.class);
        int procs = Runtime.getRuntime().availableProcessors();
        assertThat(workers.getValue()).isEqualTo(Math.min(64, procs));
        fx(() -> workers.getValueFactory().setValue(1000));
        assertThat(workers.getValue()).isEqualTo(Math.min(64, 2 * procs));
        fx(() -> workers.getValueFactory().setValue(0));
        assertThat(workers.getValue()).isEqualTo(1);
        assertThat(vm.settings().workersProperty().get()).isEqualTo(1);
    }

    @Test
    void filtersAreAddedReorderedAndGivenValues(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<FilterKind> kind = find(robot, stage, "#filterKind", ComboBox.class);
        fx(() -> kind.setValue(FilterKind.GRAYSCALE));
        UiTestSupport.click(robot, "#addFilter");
        fx(() -> kind.setValue(FilterKind.BRIGHTNESS));
        UiTestSupport.click(robot, "#addFilter");
        UiTestSupport.click(robot, "#filterValue").push(KeyCode.CONTROL, KeyCode.A).write("-40").push(KeyCode.ENTER);
        UiTestSupport.click(robot, "#filterUp");
        assertThat(vm.settings().filters().steps())
                .containsExactly(new FilterStep(FilterKind.BRIGHTNESS, -40), FilterStep.of(FilterKind.GRAYSCALE));
        @SuppressWarnings("unchecked")
        ListView<FilterStep> list = find(robot, stage, "#filterList", ListView.class);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        UiTestSupport.click(robot, "#filterValue").push(KeyCode.CONTROL, KeyCode.A).write("900").push(KeyCode.ENTER);
        assertThat(vm.settings().filters().steps().get(0).value()).isEqualTo(-40);
        UiTestSupport.click(robot, "#removeFilter");
        assertThat(vm.settings().filters().steps()).containsExactly(FilterStep.of(FilterKind.GRAYSCALE));
    }

    @Test
    void settingsAndWindowSizeSurviveARestartOfTheView(FxRobot robot) throws Exception {
        fx(() -> vm.settings().modeProperty().set(ResizeMode.EXACT));
        UiTestSupport.click(robot, "#width").push(KeyCode.CONTROL, KeyCode.A).write("800");
        UiTestSupport.click(robot, "#height").push(KeyCode.CONTROL, KeyCode.A).write("600");
        UiTestSupport.click(robot, "#upscale");
        UiTestSupport.click(robot, "#namePattern").push(KeyCode.CONTROL, KeyCode.A).write("small-{name}");
        fx(() -> {
            vm.settings().filters().add(FilterKind.SEPIA);
            vm.settings().formatProperty().set(OutputFormat.JPG);
            vm.settings().jpegQualityProperty().set(60);
            vm.settings().conflictProperty().set(ConflictPolicy.OVERWRITE);
            vm.settings().workersProperty().set(1);
            vm.settings().outputFolderProperty().set("/tmp/pixpool-test-out");
            stage.setWidth(900);
            stage.setHeight(640);
        });
        UiSettings before = fxGet(() -> vm.settings().snapshot());
        fx(stage::hide); // closing the window saves

        Stage second = fxGet(Stage::new);
        MainViewModel vm2 = fxGet(() -> TestWindows.open(second, prefs, BatchStarter.pool()));
        assertThat(fxGet(() -> vm2.settings().snapshot())).isEqualTo(before);
        assertThat(find(robot, second, "#width", TextField.class).getText()).isEqualTo("800");
        assertThat(find(robot, second, "#upscale", ToggleSwitch.class).isSelected()).isTrue();
        assertThat(find(robot, second, "#namePattern", TextField.class).getText()).isEqualTo("small-{name}");
        assertThat(find(robot, second, "#outputFolder", TextField.class).getText()).isEqualTo("/tmp/pixpool-test-out");
        assertThat(second.getWidth()).isEqualTo(900);
        assertThat(second.getHeight()).isEqualTo(640);
    }

    @Test
    void presetsAreSavedLoadedAndDeleted(FxRobot robot) {
        UiTestSupport.click(robot, "#width").push(KeyCode.CONTROL, KeyCode.A).write("320");
        fx(() -> vm.settings().filters().add(FilterKind.GRAYSCALE));
        UiTestSupport.click(robot, "#presetName").write("thumbs");
        UiTestSupport.click(robot, "#savePreset");
        assertThat(vm.presetNames()).endsWith("thumbs").hasSize(io.pixpool.core.Preset.SHIPPED.size() + 1);

        UiTestSupport.click(robot, "#width").push(KeyCode.CONTROL, KeyCode.A).write("1500");
        fx(() -> vm.settings().filters().remove(0));
        UiTestSupport.click(robot, "#loadPreset");
        assertThat(vm.settings().widthProperty().get()).isEqualTo("320");
        assertThat(vm.settings().filters().steps()).containsExactly(FilterStep.of(FilterKind.GRAYSCALE));

        UiTestSupport.click(robot, "#deletePreset");
        assertThat(vm.presetNames()).doesNotContain("thumbs");
        assertThat(vm.store().presets().names()).isEqualTo(List.of());
    }
}
