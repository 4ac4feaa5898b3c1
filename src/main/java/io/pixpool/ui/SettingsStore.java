package io.pixpool.ui;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link UiSettings} and {@link WindowState} in a preferences node. A missing or unreadable value
 * falls back to its default (logged), so a damaged store never keeps the window from opening.
 */
public final class SettingsStore {

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Preferences node;

    public SettingsStore(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    public Preferences node() {
        return node;
    }

    public PresetStore presets() {
        return new PresetStore(node.node("presets"));
    }

    public UiSettings load() {
        return read(node);
    }

    public void save(UiSettings s) {
        write(s, node);
        flush(node);
    }

    public WindowState loadWindow() {
        WindowState d = WindowState.defaults();
        double w = node.getDouble("window.width", d.width());
        double h = node.getDouble("window.height", d.height());
        if (!(w > 0) || !(h > 0)) return d;
        return new WindowState(node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN), w, h,
                node.getBoolean("window.maximized", false));
    }

    public void saveWindow(WindowState w) {
        node.putDouble("window.x", w.x());
        node.putDouble("window.y", w.y());
        node.putDouble("window.width", w.width());
        node.putDouble("window.height", w.height());
        node.putBoolean("window.maximized", w.maximized());
        flush(node);
    }

    static void write(UiSettings s, Preferences p) {
        p.put("resize.mode", s.mode().name());
        p.put("resize.width", s.width());
        p.put("resize.height", s.height());
        p.put("resize.percent", s.percent());
        p.putBoolean("resize.upscale", s.upscale());
        p.put("quality", s.quality().name());
        p.put("filters", s.filters().stream().map(FilterStep::spec).collect(Collectors.joining(",")));
        p.put("format", s.format().name());
        p.putInt("jpeg.quality", s.jpegQuality());
        p.put("name.pattern", s.namePattern());
        p.put("output.folder", s.outputFolder());
        p.put("conflict", s.conflict().name());
        p.putInt("workers", s.workers());
        OutputExtrasSettings.write(s.outputs(), p);
        LookPrefs.write(s.look(), p);
        MetadataSettings.write(s.metadata(), p);
    }

    static UiSettings read(Preferences p) {
        UiSettings d = UiSettings.defaults();
        int quality = p.getInt("jpeg.quality", d.jpegQuality());
        int workers = p.getInt("workers", d.workers());
        return new UiSettings(
                value(p, "resize.mode", ResizeMode::valueOf, d.mode()),
                p.get("resize.width", d.width()),
                p.get("resize.height", d.height()),
                p.get("resize.percent", d.percent()),
                p.getBoolean("resize.upscale", d.upscale()),
                value(p, "quality", ScaleQuality::valueOf, d.quality()),
                filters(p.get("filters", "")),
                value(p, "format", OutputFormat::valueOf, d.format()),
                quality >= 1 && quality <= 100 ? quality : d.jpegQuality(),
                p.get("name.pattern", d.namePattern()),
                p.get("output.folder", d.outputFolder()),
                value(p, "conflict", ConflictPolicy::valueOf, d.conflict()),
                Math.max(1, Math.min(UiSettings.maxWorkers(), workers)),
                OutputExtrasSettings.read(p),
                LookPrefs.read(p),
                MetadataSettings.read(p));
    }

    private static <T> T value(Preferences p, String key, Function<String, T> parse, T fallback) {
        String raw = p.get(key, null);
        if (raw == null) return fallback;
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring saved " + key + "=" + raw + ": " + e.getMessage());
            return fallback;
        }
    }

    private static List<FilterStep> filters(String specs) {
        List<FilterStep> out = new ArrayList<>();
        for (String spec : specs.split(",")) {
            if (spec.isBlank()) continue;
            try {
                out.add(FilterStep.parse(spec));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring saved filter " + spec + ": " + e.getMessage());
            }
        }
        return out;
    }

    static void flush(Preferences p) {
        try {
            p.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save settings to " + p.absolutePath() + ": " + e.getMessage());
        }
    }
}
