package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.type;
import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import io.pixpool.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's "More outputs" section with real worker processes: several sizes, size targets, the table. */
class OutputsWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private FileRow row(String name) {
        return vm.rows().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void severalSizesAndSizeTargetsShowPerFileInTheTable(FxRobot robot) throws Exception {
        Path in = tmp.resolve("in");
        TestImages.write(in.resolve("noisy.png"), TestImages.noise(400, 300, 5));
        BufferedImage flat = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB); // a few hundred bytes as PNG
        TestImages.write(in.resolve("flat.png"), flat);
        CompletableFuture<Integer> added = fxGet(() -> vm.addPaths(List.of(in)));
        assertThat(added.get(60, TimeUnit.SECONDS)).isEqualTo(2);
        WaitForAsyncUtils.waitForFxEvents();

        fx(() -> {
            vm.settings().modeProperty().set(ResizeMode.LONG_EDGE);
            vm.settings().formatProperty().set(OutputFormat.JPG);
        });
        type(robot, "#width", "300");
        type(robot, "#alsoSizes", "100, 40x40:{name}-thumb");
        type(robot, "#maxKb", "30");
        UiTestSupport.click(robot, "#skipIfLarger");
        assertThat(robot.lookup("#webpLossless").queryAs(ToggleSwitch.class).isDisabled()).isTrue();
        assertThat(vm.settings().outputs().snapshot())
                .isEqualTo(new OutputExtrasSettings("100, 40x40:{name}-thumb", true, "30", false));
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "every row ended", () -> vm.run().getState() == RunState.IDLE
                && vm.rows().stream().allMatch(r -> r.getStatus().isFinal()));

        Path out = tmp.resolve(MainViewModel.DEFAULT_OUT);
        FileRow noisy = row("noisy.png");
        assertThat(noisy.getStatus()).isEqualTo(RowStatus.DONE);
        assertThat(UiTestSupport.dimsOf(out.resolve("noisy.jpg"))).isEqualTo(new Dims(300, 225));
        assertThat(UiTestSupport.dimsOf(out.resolve("noisy-100.jpg"))).isEqualTo(new Dims(100, 75));
        assertThat(UiTestSupport.dimsOf(out.resolve("noisy-thumb.jpg"))).isEqualTo(new Dims(40, 30));
        assertThat(Files.size(out.resolve("noisy.jpg"))).isLessThanOrEqualTo(30 * 1024);
        String sizes = noisy.outputSizesProperty().get().toString();
        assertThat(sizes).isEqualTo("3 outputs: 300 \u00D7 225, 100 \u00D7 75, 40 \u00D7 30");
        String[] qualities = noisy.qualityProperty().get().split(", ");
        assertThat(qualities).hasSize(3);
        assertThat(Integer.parseInt(qualities[0])).isBetween(1, 84);
        long total = Files.size(out.resolve("noisy.jpg")) + Files.size(out.resolve("noisy-100.jpg"))
                + Files.size(out.resolve("noisy-thumb.jpg"));
        assertThat(noisy.outputBytesProperty().get()).isEqualTo(total);

        FileRow flatRow = row("flat.png");
        assertThat(flatRow.getStatus()).isEqualTo(RowStatus.SKIPPED);
        assertThat(flatRow.getMessage()).isEqualTo("larger than original");
        assertThat(out.resolve("flat.jpg")).doesNotExist();

        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell> cells = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream().toList();
        assertThat(cells).anyMatch(c -> sizes.equals(c.getText()));
        assertThat(cells).anyMatch(c -> noisy.qualityProperty().get().equals(c.getText()));
        assertThat(cells).anyMatch(c -> "larger than original".equals(c.getText()));
    }

    @Test
    void invalidSizesDisableStartAndSettingsSurviveARestart(FxRobot robot) {
        type(robot, "#alsoSizes", "800, huge");
        assertThat(vm.settings().checkedProperty().get().problem()).startsWith("More sizes:").contains("huge");
        type(robot, "#alsoSizes", "800:{name}");
        assertThat(vm.settings().checkedProperty().get().problem()).contains("main name pattern");
        type(robot, "#alsoSizes", "800");
        type(robot, "#maxKb", "0");
        assertThat(vm.settings().checkedProperty().get().problem()).startsWith("Up to KB:");
        type(robot, "#maxKb", "250");
        fx(() -> vm.settings().formatProperty().set(OutputFormat.WEBP));
        assertThat(robot.lookup("#webpLossless").queryAs(ToggleSwitch.class).isDisabled()).isFalse();
        UiTestSupport.click(robot, "#webpLossless");
        assertThat(vm.settings().checkedProperty().get().ok()).isTrue();
        assertThat(vm.settings().checkedProperty().get().recipe().output().options().webpLossless()).isTrue();
        assertThat(vm.settings().checkedProperty().get().recipe().output().options().variants()).hasSize(1);

        SettingsStore store = new SettingsStore(prefs);
        store.save(vm.settings().snapshot());
        assertThat(store.load().outputs()).isEqualTo(new OutputExtrasSettings("800", false, "250", true));
    }
}
