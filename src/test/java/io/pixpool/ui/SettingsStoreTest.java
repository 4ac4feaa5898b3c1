package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsStoreTest {

    private final Preferences prefs = UiTestSupport.tempPrefs();

    @AfterEach
    void cleanUp() {
        UiTestSupport.removePrefs(prefs);
    }

    private static UiSettings sample() {
        return new UiSettings(ResizeMode.LONG_EDGE, "1200", "", "", true, ScaleQuality.ULTRA,
                List.of(new FilterStep(FilterKind.ROTATE, 270), FilterStep.of(FilterKind.SEPIA)), OutputFormat.PNG, 55,
                "{name}_{n:3}", "/tmp/somewhere", ConflictPolicy.SKIP, 1);
    }

    @Test
    void settingsComeBackAsSaved() {
        new SettingsStore(prefs).save(sample());
        assertThat(new SettingsStore(prefs).load()).isEqualTo(sample());
    }

    @Test
    void nothingSavedMeansDefaultsAndDamagedValuesFallBack() {
        assertThat(new SettingsStore(prefs).load()).isEqualTo(UiSettings.defaults());
        prefs.put("resize.mode", "SIDEWAYS");
        prefs.put("filters", "grayscale,warp=3,blur=2");
        prefs.putInt("jpeg.quality", 900);
        UiSettings s = new SettingsStore(prefs).load();
        assertThat(s.mode()).isEqualTo(UiSettings.defaults().mode());
        assertThat(s.filters()).containsExactly(FilterStep.of(FilterKind.GRAYSCALE), new FilterStep(FilterKind.BLUR, 2));
        assertThat(s.jpegQuality()).isEqualTo(85);
    }

    @Test
    void windowSizeIsKept() {
        SettingsStore store = new SettingsStore(prefs);
        assertThat(store.loadWindow()).isEqualTo(WindowState.defaults());
        store.saveWindow(new WindowState(10, 20, 1000, 700, false));
        assertThat(new SettingsStore(prefs).loadWindow()).isEqualTo(new WindowState(10, 20, 1000, 700, false));
    }

    @Test
    void presetsAreSavedListedLoadedAndDeletedWithoutTheOutputFolder() {
        PresetStore presets = new SettingsStore(prefs).presets();
        presets.save("Web / small", sample());
        presets.save("archive", UiSettings.defaults());
        assertThat(presets.names()).containsExactly("archive", "Web / small");
        assertThat(presets.load("Web / small")).contains(sample().withOutputFolder(""));
        assertThat(presets.delete("Web / small")).isTrue();
        assertThat(presets.names()).containsExactly("archive");
        assertThat(presets.load("Web / small")).isEmpty();
        assertThat(PresetStore.nameProblem("  ")).isNotNull();
        assertThatThrownBy(() -> presets.save("x".repeat(60), sample())).hasMessageContaining("at most");
    }
}
