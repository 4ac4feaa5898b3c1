package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ResizeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {

    private static UiSettings with(ResizeMode mode, String w, String h, String pct) {
        UiSettings d = UiSettings.defaults();
        return new UiSettings(mode, w, h, pct, d.upscale(), d.quality(), d.filters(), d.format(), d.jpegQuality(),
                d.namePattern(), d.outputFolder(), d.conflict(), d.workers());
    }

    @Test
    void validSettingsMakeTheRecipeTheyDescribe() {
        UiSettings d = UiSettings.defaults();
        UiSettings s = new UiSettings(ResizeMode.FILL, " 640 ", "480", "", true, d.quality(),
                List.of(FilterStep.of(FilterKind.GRAYSCALE), new FilterStep(FilterKind.BRIGHTNESS, -10)),
                OutputFormat.JPG, 70, "{name}-{w}x{h}", "", d.conflict(), 2);
        SettingsValidation.Checked c = SettingsValidation.check(s);
        assertThat(c.problem()).isNull();
        Recipe r = c.recipe();
        assertThat(r.resize()).isEqualTo(new ResizeSpec(ResizeMode.FILL, 640, 480, 0, true));
        assertThat(r.filters()).hasSize(2);
        assertThat(r.output().format()).isEqualTo(OutputFormat.JPG);
        assertThat(r.output().jpegQuality()).isEqualTo(70);
        assertThat(r.output().namePattern()).isEqualTo("{name}-{w}x{h}");
    }

    @Test
    void invalidSizesSayWhichFieldIsWrong() {
        assertThat(SettingsValidation.check(with(ResizeMode.FIT, "0", "100", "")).problem()).startsWith("Width:");
        assertThat(SettingsValidation.check(with(ResizeMode.FIT, "abc", "100", "")).problem()).startsWith("Width:");
        assertThat(SettingsValidation.check(with(ResizeMode.FIT, "100", "", "")).problem()).startsWith("Height:");
        assertThat(SettingsValidation.check(with(ResizeMode.LONG_EDGE, "99999", "", "")).problem()).startsWith("Long edge:");
        assertThat(SettingsValidation.check(with(ResizeMode.PERCENT, "", "", "0")).problem()).startsWith("Percent:");
        assertThat(SettingsValidation.check(with(ResizeMode.FIT, "0", "0", "")).recipe()).isNull();
    }

    @Test
    void fieldsTheModeDoesNotUseAreNotChecked() {
        assertThat(SettingsValidation.check(with(ResizeMode.WIDTH, "300", "garbage", "x")).ok()).isTrue();
        assertThat(SettingsValidation.check(with(ResizeMode.NONE, "", "", "")).ok()).isTrue();
        assertThat(SettingsValidation.check(with(ResizeMode.PERCENT, "", "", "12.5")).recipe().resize().percent())
                .isEqualTo(12.5);
    }

    @Test
    void badPatternAndRelativeFolderAreReported() {
        UiSettings d = UiSettings.defaults();
        assertThat(SettingsValidation.check(new UiSettings(d.mode(), d.width(), d.height(), d.percent(), false,
                d.quality(), List.of(), d.format(), 85, "{nope}", "", d.conflict(), 1)).problem())
                .startsWith("Name pattern:").contains("{nope}");
        assertThat(SettingsValidation.check(d.withOutputFolder("relative/out")).problem()).startsWith("Output folder:");
        assertThat(SettingsValidation.check(d.withOutputFolder("/tmp/out")).ok()).isTrue();
    }

    @Test
    void filterValuesAreCheckedWhenEdited() {
        FilterListModel m = new FilterListModel();
        int i = m.add(FilterKind.BRIGHTNESS);
        assertThat(m.setValue(i, "500")).contains("-100..100");
        assertThat(m.setValue(i, "x")).contains("not a number");
        assertThat(m.setValue(i, "-30")).isNull();
        assertThat(m.steps().get(0)).isEqualTo(new FilterStep(FilterKind.BRIGHTNESS, -30));
        m.add(FilterKind.GRAYSCALE);
        assertThat(m.moveUp(1)).isZero();
        assertThat(m.steps()).extracting(FilterStep::kind).containsExactly(FilterKind.GRAYSCALE, FilterKind.BRIGHTNESS);
        assertThat(m.moveDown(1)).isEqualTo(1);
        m.remove(0);
        assertThat(m.steps()).extracting(FilterStep::kind).containsExactly(FilterKind.BRIGHTNESS);
    }
}
