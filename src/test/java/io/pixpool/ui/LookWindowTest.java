package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.type;
import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.Anchor;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.Preset;
import io.pixpool.core.ResizeMode;
import io.pixpool.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Watermark, padding, border and shipped presets on the real window: preview, batch run, persistence. */
class LookWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static Path black(Path file, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return TestImages.write(file, img);
    }

    /** Pixels of the preview's "after" image brighter than mid-grey in the given box. */
    private static int brightIn(Image img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) if ((img.getPixelReader().getArgb(x, y) >> 8 & 0xFF) > 128) n++;
        }
        return n;
    }

    @Test
    void watermarkAndPadShowInThePreviewAndInTheBatchOutput(FxRobot robot) throws Exception {
        Path in = tmp.resolve("in");
        black(in.resolve("wide.png"), 400, 200);
        int added = fxGet(() -> vm.addPaths(List.of(in))).get(60, TimeUnit.SECONDS);
        assertThat(added).isEqualTo(1);
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#width", "200");
        type(robot, "#height", "200");
        robot.clickOn("wide.png");
        UiTestSupport.waitUntil(30, "plain preview", () -> new Dims(200, 100).equals(vm.preview().afterDimsProperty().get()));
        assertThat(brightIn(vm.preview().afterProperty().get(), 0, 0, 200, 100)).isZero();

        UiTestSupport.click(robot, "#watermarkOn");
        type(robot, "#watermarkText", "WWW");
        type(robot, "#watermarkOpacity", "100");
        type(robot, "#watermarkSize", "20");
        fx(() -> vm.settings().look().textColorProperty().set(javafx.scene.paint.Color.WHITE));
        UiTestSupport.waitUntil(30, "white text in the bottom right of the preview", () -> {
            Image a = vm.preview().afterProperty().get();
            return a != null && a.getWidth() == 200 && brightIn(a, 100, 50, 200, 100) > 20;
        });
        assertThat(brightIn(vm.preview().afterProperty().get(), 0, 0, 100, 50)).as("top left stays black").isZero();

        UiTestSupport.click(robot, "#padOn");
        fx(() -> vm.settings().look().padColorProperty().set(javafx.scene.paint.Color.rgb(0, 0, 255)));
        UiTestSupport.waitUntil(30, "padded preview", () -> new Dims(200, 200).equals(vm.preview().afterDimsProperty().get()));
        UiTestSupport.waitUntil(30, "blue pad", () -> {
            Image a = vm.preview().afterProperty().get();
            return a != null && (a.getPixelReader().getArgb(100, 10) & 0xFFFFFF) == 0x0000FF;
        });
        assertThat(vm.exampleNameProperty().get()).isEqualTo("wide.png");

        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "done", () -> vm.run().getState() == RunState.IDLE
                && vm.rows().stream().allMatch(r -> r.getStatus() == RowStatus.DONE));
        FileRow row = vm.rows().get(0);
        assertThat(row.getOutputDims()).isEqualTo(new Dims(200, 200));
        BufferedImage out = TestImages.read(row.getOutput());
        assertThat(out.getWidth()).isEqualTo(200);
        assertThat(out.getHeight()).isEqualTo(200);
        assertThat(out.getRGB(100, 10) & 0xFFFFFF).as("pad").isEqualTo(0x0000FF);
        assertThat(out.getRGB(100, 100) & 0xFFFFFF).as("picture").isEqualTo(0x000000);
        int white = 0;
        for (int y = 100; y < 200; y++) {
            for (int x = 100; x < 200; x++) if ((out.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) white++;
        }
        assertThat(white).as("opaque white text pixels in the bottom right").isGreaterThan(20);
    }

    @Test
    void theExampleNameCountsPaddingAndBorder(FxRobot robot) {
        type(robot, "#namePattern", "{name}-{w}x{h}");
        type(robot, "#width", "300");
        type(robot, "#height", "200");
        assertThat(vm.exampleNameProperty().get()).isEqualTo("IMG_0001-300x200.jpg");
        UiTestSupport.click(robot, "#borderOn");
        type(robot, "#borderWidth", "5");
        assertThat(vm.exampleNameProperty().get()).isEqualTo("IMG_0001-310x210.jpg");
    }

    @Test
    void aMissingLogoKeepsStartDisabledAndSaysWhy(FxRobot robot) {
        UiTestSupport.click(robot, "#logoOn");
        Label problem = robot.lookup("#startProblem").queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("Watermark image: choose a picture file");
        Path missing = tmp.resolve("logo.png");
        type(robot, "#logoFile", missing.toString());
        assertThat(problem.getText()).isEqualTo("Watermark image " + missing + ": file not found");
        black(missing, 20, 20);
        type(robot, "#logoFile", missing.toString());
        assertThat(problem.getText()).doesNotStartWith("Watermark");
        fx(() -> vm.settings().modeProperty().set(ResizeMode.WIDTH));
        UiTestSupport.click(robot, "#padOn");
        assertThat(problem.getText()).startsWith("Pad: choose a resize with a box");
    }

    @Test
    void lookSettingsSurviveARestartAndTravelInPresets(FxRobot robot) throws Exception {
        fx(() -> {
            LookModel l = vm.settings().look();
            l.textOnProperty().set(true);
            l.textProperty().set("(c) Test");
            l.fontProperty().set("Serif");
            l.textSizeProperty().set(7);
            l.textAnchorProperty().set(Anchor.TOP);
            l.borderOnProperty().set(true);
            l.borderWidthProperty().set(12);
            l.borderColorProperty().set(javafx.scene.paint.Color.rgb(10, 20, 30));
        });
        assertThat(vm.savePreset("framed")).isNull();
        UiSettings before = fxGet(() -> vm.settings().snapshot());
        assertThat(before.look().borderColor()).isEqualTo(0x0A141E);
        fx(stage::hide);

        Stage second = fxGet(Stage::new);
        MainViewModel vm2 = fxGet(() -> TestWindows.open(second, prefs, BatchStarter.pool()));
        assertThat(fxGet(() -> vm2.settings().snapshot())).isEqualTo(before);
        fx(() -> vm2.settings().look().textOnProperty().set(false));
        assertThat(fxGet(() -> vm2.loadPreset("framed"))).isNull();
        assertThat(fxGet(() -> vm2.settings().snapshot().look())).isEqualTo(before.look());
        assertThat(fxGet(() -> vm2.settings().checkedProperty().get().recipe().decoration().text().text()))
                .isEqualTo("(c) Test");
    }

    @Test
    void shippedPresetsComeFirstLoadTheirRecipeAndCannotBeDeletedOrOverwritten(FxRobot robot) {
        List<String> labels = Preset.SHIPPED.stream().map(Preset::label).toList();
        assertThat(vm.presetNames()).startsWith(labels.toArray(String[]::new));
        fx(() -> vm.settings().look().borderOnProperty().set(true));
        UiTestSupport.click(robot, "#presetName");
        robot.write("Instagram square 1080");
        assertThat(robot.lookup("#deletePreset").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#loadPreset");
        UiSettings s = fxGet(() -> vm.settings().snapshot());
        assertThat(s.mode()).isEqualTo(ResizeMode.FILL);
        assertThat(s.width()).isEqualTo("1080");
        assertThat(s.height()).isEqualTo("1080");
        assertThat(s.upscale()).isTrue();
        assertThat(s.format()).isEqualTo(OutputFormat.JPG);
        assertThat(s.jpegQuality()).isEqualTo(85);
        assertThat(s.look().borderOn()).as("the preset has no border").isFalse();
        assertThat(fxGet(() -> vm.settings().checkedProperty().get().recipe()))
                .isEqualTo(Preset.shipped("instagram").orElseThrow().recipe());
        assertThat(fxGet(() -> vm.deletePreset("Web 1600 px"))).isEqualTo("Shipped presets cannot be deleted");
        assertThat(fxGet(() -> vm.savePreset("web 1600 px"))).contains("shipped preset");
        assertThat(vm.presetNames()).hasSize(labels.size());
    }
}
