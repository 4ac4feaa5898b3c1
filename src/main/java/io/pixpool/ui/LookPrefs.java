package io.pixpool.ui;

import io.pixpool.core.Anchor;
import java.util.prefs.Preferences;

/** {@link LookSettings} in a preferences node (the settings and each preset), under keys starting with "look.". */
final class LookPrefs {

    private static final System.Logger LOG = System.getLogger(LookPrefs.class.getName());

    private LookPrefs() {
    }

    static void write(LookSettings s, Preferences p) {
        p.putBoolean("look.text.on", s.textOn());
        p.put("look.text", s.text());
        p.put("look.text.font", s.font());
        p.putInt("look.text.size", s.textSize());
        p.putInt("look.text.color", s.textColor());
        p.putInt("look.text.opacity", s.textOpacity());
        p.put("look.text.anchor", s.textAnchor().id());
        p.putInt("look.text.margin", s.textMargin());
        p.putBoolean("look.image.on", s.imageOn());
        p.put("look.image", s.imageFile());
        p.putInt("look.image.scale", s.imageScale());
        p.putInt("look.image.opacity", s.imageOpacity());
        p.put("look.image.anchor", s.imageAnchor().id());
        p.putInt("look.image.margin", s.imageMargin());
        p.putBoolean("look.pad.on", s.padOn());
        p.putInt("look.pad.color", s.padColor());
        p.putBoolean("look.border.on", s.borderOn());
        p.putInt("look.border.width", s.borderWidth());
        p.putInt("look.border.color", s.borderColor());
    }

    static LookSettings read(Preferences p) {
        LookSettings d = LookSettings.defaults();
        return new LookSettings(
                p.getBoolean("look.text.on", d.textOn()),
                p.get("look.text", d.text()),
                p.get("look.text.font", d.font()),
                p.getInt("look.text.size", d.textSize()),
                p.getInt("look.text.color", d.textColor()),
                p.getInt("look.text.opacity", d.textOpacity()),
                anchor(p, "look.text.anchor", d.textAnchor()),
                p.getInt("look.text.margin", d.textMargin()),
                p.getBoolean("look.image.on", d.imageOn()),
                p.get("look.image", d.imageFile()),
                p.getInt("look.image.scale", d.imageScale()),
                p.getInt("look.image.opacity", d.imageOpacity()),
                anchor(p, "look.image.anchor", d.imageAnchor()),
                p.getInt("look.image.margin", d.imageMargin()),
                p.getBoolean("look.pad.on", d.padOn()),
                p.getInt("look.pad.color", d.padColor()),
                p.getBoolean("look.border.on", d.borderOn()),
                p.getInt("look.border.width", d.borderWidth()),
                p.getInt("look.border.color", d.borderColor()));
    }

    private static Anchor anchor(Preferences p, String key, Anchor fallback) {
        String raw = p.get(key, null);
        if (raw == null) return fallback;
        try {
            return Anchor.fromId(raw);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring saved " + key + "=" + raw + ": " + e.getMessage());
            return fallback;
        }
    }
}
