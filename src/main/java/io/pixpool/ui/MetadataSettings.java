package io.pixpool.ui;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import java.util.prefs.Preferences;

/** Saves and restores the {@link MetadataSpec} part of {@link UiSettings} (settings and presets). */
final class MetadataSettings {

    private static final System.Logger LOG = System.getLogger(MetadataSettings.class.getName());
    static final String METADATA = "metadata.policy";
    static final String COLOR = "color.policy";

    private MetadataSettings() {
    }

    static void write(MetadataSpec s, Preferences p) {
        p.put(METADATA, s.metadata().id());
        p.put(COLOR, s.color().id());
    }

    /** The saved spec; a missing or unknown value falls back to its default. */
    static MetadataSpec read(Preferences p) {
        MetadataSpec s = MetadataSpec.defaults();
        String m = p.get(METADATA, null);
        String c = p.get(COLOR, null);
        try {
            if (m != null) s = s.withMetadata(MetadataPolicy.fromId(m));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring saved " + METADATA + "=" + m + ": " + e.getMessage());
        }
        try {
            if (c != null) s = s.withColor(ColorPolicy.fromId(c));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring saved " + COLOR + "=" + c + ": " + e.getMessage());
        }
        return s;
    }
}
