package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import io.pixpool.core.Preset;
import io.pixpool.core.ResizeMode;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** Shipped presets applied over the window's settings. */
class PresetCatalogTest {

    /**
     * Found by QA: with EXIF/XMP set to "strip all", choosing "Web 1600 px" switched it back to the default
     * strip-GPS-only, so the next run published camera data and dates the user had chosen to strip (and "keep"
     * silently became "strip GPS"). The shipped presets say nothing about metadata; the user's choice stays.
     */
    @Test
    void aShippedPresetKeepsTheMetadataAndColourChoice() {
        for (MetadataSpec chosen : new MetadataSpec[] {new MetadataSpec(MetadataPolicy.STRIP, ColorPolicy.SRGB),
                new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE)}) {
            UiSettings current = UiSettings.defaults().withMetadata(chosen);
            for (Preset p : Preset.SHIPPED) {
                UiSettings after = PresetCatalog.apply(p.recipe(), current);
                assertThat(after.metadata()).as(p.label()).isEqualTo(chosen);
                assertThat(after.mode()).isEqualTo(p.recipe().resize().mode());
            }
        }
        UiSettings insta = PresetCatalog.apply(Preset.shipped("instagram").orElseThrow().recipe(), UiSettings.defaults());
        assertThat(insta.mode()).isEqualTo(ResizeMode.FILL);
        assertThat(insta.metadata()).isEqualTo(MetadataSpec.defaults());
    }

    /** A user preset keeps every setting of issue #7 together: more outputs, size targets, look and metadata. */
    @Test
    void aUserPresetKeepsEveryNewSettingTogether() throws Exception {
        Preferences node = UiTestSupport.tempPrefs();
        try {
            io.pixpool.core.Decoration d = io.pixpool.core.Decoration.none()
                    .withText(io.pixpool.core.TextMark.of("(c) QA").withSize(7).withColor(0x123456).withOpacity(0.3))
                    .withImage(io.pixpool.core.ImageMark.of("/tmp/logo.png").withScale(33)
                            .withAnchor(io.pixpool.core.Anchor.TOP_LEFT))
                    .withPad(new io.pixpool.core.Padding(10, 10, 0xABCDEF))
                    .withBorder(new io.pixpool.core.Border(9, 0x00FF00));
            UiSettings s = UiSettings.defaults()
                    .withOutputs(new OutputExtrasSettings("800, 200x200:{name}-t", true, "150", true))
                    .withLook(LookSettings.defaults().following(d))
                    .withMetadata(new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE))
                    .withOutputFolder("/somewhere");
            PresetCatalog catalog = new PresetCatalog(new PresetStore(node));
            assertThat(catalog.save("all of it", s)).isNull();
            UiSettings back = catalog.load("all of it", UiSettings.defaults().withOutputFolder("/here")).orElseThrow();
            assertThat(back).isEqualTo(s.withOutputFolder("/here"));
        } finally {
            UiTestSupport.removePrefs(node);
        }
    }
}
