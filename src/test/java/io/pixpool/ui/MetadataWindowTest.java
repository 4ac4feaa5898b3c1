package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetaSamples;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import io.pixpool.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Metadata section of the real window: choices reach the recipe, persist, go into presets; the preview is sRGB. */
class MetadataWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, Stage stage, String id) {
        return robot.from(stage.getScene().getRoot()).lookup(id).queryAs(ComboBox.class);
    }

    private static void choose(FxRobot robot, String id, String item) {
        UiTestSupport.click(robot, id);
        robot.clickOn(item);
    }

    private MetadataSpec recipeSpec() {
        return fxGet(() -> vm.settings().checkedProperty().get().recipe().metadata());
    }

    @Test
    void choicesReachTheRecipe(FxRobot robot) {
        assertThat(combo(robot, stage, "#metadataPolicy").getValue()).isEqualTo(MetadataPolicy.STRIP_GPS);
        assertThat(combo(robot, stage, "#colorPolicy").getValue()).isEqualTo(ColorPolicy.SRGB);
        assertThat(recipeSpec()).isEqualTo(MetadataSpec.defaults());
        choose(robot, "#metadataPolicy", "strip all");
        choose(robot, "#colorPolicy", "keep profile");
        assertThat(recipeSpec()).isEqualTo(new MetadataSpec(MetadataPolicy.STRIP, ColorPolicy.KEEP_PROFILE));
        choose(robot, "#metadataPolicy", "keep all");
        assertThat(recipeSpec().metadata()).isEqualTo(MetadataPolicy.KEEP);
    }

    @Test
    void choicesSurviveARestartAndGoIntoPresets(FxRobot robot) {
        choose(robot, "#metadataPolicy", "keep all");
        choose(robot, "#colorPolicy", "keep profile");
        fx(() -> vm.savePreset("archive"));
        choose(robot, "#metadataPolicy", "strip all");
        fx(stage::hide); // closing the window saves

        Stage second = fxGet(Stage::new);
        MainViewModel vm2 = fxGet(() -> TestWindows.open(second, prefs, BatchStarter.pool()));
        assertThat(fxGet(() -> vm2.settings().snapshot().metadata()))
                .isEqualTo(new MetadataSpec(MetadataPolicy.STRIP, ColorPolicy.KEEP_PROFILE));
        assertThat(combo(robot, second, "#metadataPolicy").getValue()).isEqualTo(MetadataPolicy.STRIP);
        assertThat(vm2.store().presets().load("archive").orElseThrow().metadata())
                .isEqualTo(new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE));
    }

    @Test
    void previewShowsWideGamutSourcesInSrgb(FxRobot robot) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        int adobe = 0x64A064;
        BufferedImage flat = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) flat.setRGB(x, y, adobe);
        }
        byte[] jpeg = MetaSamples.jpegWith(TestImages.encode(flat, "jpg"),
                MetaSamples.iccSegments(MetaSamples.adobeRgbProfile(), 60000));
        Files.write(in.resolve("adobe.jpg"), jpeg);
        assertThat(fxGet(() -> vm.addPaths(List.of(in))).get(60, TimeUnit.SECONDS)).isEqualTo(1);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // let the table lay the new row out
        robot.clickOn("adobe.jpg");
        UiTestSupport.waitUntil(30, "preview", () -> vm.preview().afterProperty().get() != null);
        Image after = vm.preview().afterProperty().get();
        int p = fxGet(() -> after.getPixelReader().getArgb((int) after.getWidth() / 2, (int) after.getHeight() / 2));
        int expected = MetaSamples.adobeToSrgb(adobe);
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat(Math.abs((p >> shift & 0xFF) - (expected >> shift & 0xFF)))
                    .as("channel %d of %06X vs %06X", shift, p & 0xFFFFFF, expected).isLessThanOrEqualTo(8);
        }
    }
}
