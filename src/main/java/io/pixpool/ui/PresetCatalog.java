package io.pixpool.ui;

import io.pixpool.core.Preset;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ResizeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The presets the window offers: the ones shipped with the app ({@link Preset#SHIPPED}) first, which cannot be
 * overwritten or deleted, then the user's own from {@link PresetStore}.
 */
final class PresetCatalog {

    private final PresetStore store;

    PresetCatalog(PresetStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    static boolean isShipped(String name) {
        return name != null && !name.isBlank() && Preset.shipped(name).isPresent();
    }

    /** Shipped labels in their order, then the user's presets by name. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Preset p : Preset.SHIPPED) out.add(p.label());
        out.addAll(store.names());
        return out;
    }

    /** Null when saved, otherwise why not. */
    String save(String name, UiSettings s) {
        if (isShipped(name)) return "\u201C" + name.trim() + "\u201D is a shipped preset: choose another name";
        String problem = PresetStore.nameProblem(name);
        if (problem != null) return problem;
        store.save(name, s);
        return null;
    }

    /** The settings preset {@code name} gives when applied over {@code current} (output folder kept). */
    Optional<UiSettings> load(String name, UiSettings current) {
        if (isShipped(name)) return Preset.shipped(name).map(p -> apply(p.recipe(), current));
        return store.load(name).map(p -> p.withOutputFolder(current.outputFolder()));
    }

    /** Null when deleted, otherwise why not. */
    String delete(String name) {
        if (isShipped(name)) return "Shipped presets cannot be deleted";
        return store.delete(name) ? null : "No preset named '" + name + "'";
    }

    /**
     * A shipped recipe as window settings: size, quality, filters, format and name from the recipe; the output
     * folder, conflict policy, worker count and the metadata and colour choice stay (a size preset must not publish
     * camera data or location the user chose to strip); watermark, pad and border are switched as the recipe has them.
     */
    static UiSettings apply(Recipe r, UiSettings current) {
        ResizeSpec z = r.resize();
        ResizeMode m = z.mode();
        return new UiSettings(m,
                m.needsWidth() ? Integer.toString(z.width()) : current.width(),
                m.needsHeight() ? Integer.toString(z.height()) : current.height(),
                m == ResizeMode.PERCENT ? String.format(Locale.ROOT, "%s", z.percent()) : current.percent(),
                z.upscale(), r.quality(), r.filters(), r.output().format(), r.output().jpegQuality(),
                r.output().namePattern(), current.outputFolder(), current.conflict(), current.workers(),
                OutputExtrasSettings.defaults(), current.look().following(r.decoration()), current.metadata());
    }
}
