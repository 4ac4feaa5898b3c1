package io.pixpool.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Named presets: the processing settings and worker count under a name, one child node each. A preset never carries
 * an output folder: loading one changes how images are processed, not where they go.
 */
public final class PresetStore {

    public static final int MAX_NAME = 40;

    private final Preferences node;

    public PresetStore(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Null when {@code name} can be used, otherwise why not. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) return "Type a name for the preset";
        if (name.trim().length() > MAX_NAME) return "Preset names are at most " + MAX_NAME + " characters";
        if (key(name).length() > Preferences.MAX_NAME_LENGTH) return "Preset name too long";
        return null;
    }

    public List<String> names() {
        try {
            List<String> out = new ArrayList<>();
            for (String k : node.childrenNames()) out.add(URLDecoder.decode(k, StandardCharsets.UTF_8));
            out.sort(String.CASE_INSENSITIVE_ORDER);
            return out;
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot read presets: " + e.getMessage(), e);
        }
    }

    public void save(String name, UiSettings s) {
        String problem = nameProblem(name);
        if (problem != null) throw new IllegalArgumentException(problem);
        Preferences p = node.node(key(name));
        SettingsStore.write(s.withOutputFolder(""), p);
        SettingsStore.flush(node);
    }

    public Optional<UiSettings> load(String name) {
        if (nameProblem(name) != null) return Optional.empty();
        try {
            if (!node.nodeExists(key(name))) return Optional.empty();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
        return Optional.of(SettingsStore.read(node.node(key(name))));
    }

    public boolean delete(String name) {
        if (nameProblem(name) != null) return false;
        try {
            if (!node.nodeExists(key(name))) return false;
            node.node(key(name)).removeNode();
            node.flush();
            return true;
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot delete preset " + name + ": " + e.getMessage(), e);
        }
    }

    private static String key(String name) {
        return URLEncoder.encode(name.trim(), StandardCharsets.UTF_8);
    }
}
