package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import io.pixpool.core.Preset;
import io.pixpool.core.ResizeMode;
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
}
