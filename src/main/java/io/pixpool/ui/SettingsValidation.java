package io.pixpool.ui;

import io.pixpool.core.NamePattern;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ResizeSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns what the user typed into a {@link Recipe}, or says in one short sentence what is wrong. Each check returns
 * null when the value is fine, so the panel's field decorations and the Start button agree.
 */
public final class SettingsValidation {

    /** A recipe, or the reason there is none. Exactly one of the two is non-null. */
    public record Checked(Recipe recipe, String problem) {
        public boolean ok() {
            return recipe != null;
        }
    }

    private SettingsValidation() {
    }

    public static String sizeProblem(String label, String text) {
        Integer v = parseInt(text);
        if (v == null || v < 1 || v > ResizeSpec.MAX_SIDE) {
            return label + ": enter a whole number from 1 to " + ResizeSpec.MAX_SIDE;
        }
        return null;
    }

    public static String percentProblem(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return "Percent: enter a number above 0, up to 10000";
        }
        return v > 0 && v <= 10_000 ? null : "Percent: enter a number above 0, up to 10000";
    }

    public static String patternProblem(String pattern) {
        try {
            NamePattern.validate(pattern);
            return null;
        } catch (IllegalArgumentException e) {
            return "Name pattern: " + e.getMessage();
        }
    }

    /** Blank is fine (the default folder); otherwise a full path. */
    public static String folderProblem(String text) {
        if (text.isBlank()) return null;
        try {
            return Path.of(text.trim()).isAbsolute() ? null : "Output folder: give a full path, e.g. /home/me/out";
        } catch (InvalidPathException e) {
            return "Output folder: not a valid path (" + e.getReason() + ")";
        }
    }

    /** The label of the width field for a mode (the long-edge mode reuses it for the edge length). */
    public static String widthLabel(ResizeMode mode) {
        return mode == ResizeMode.LONG_EDGE ? "Long edge" : "Width";
    }

    public static Checked check(UiSettings s) {
        String problem = firstProblem(s);
        if (problem != null) return new Checked(null, problem);
        ResizeMode m = s.mode();
        ResizeSpec resize = new ResizeSpec(m, m.needsWidth() ? parseInt(s.width()) : 0,
                m.needsHeight() ? parseInt(s.height()) : 0,
                m == ResizeMode.PERCENT ? Double.parseDouble(s.percent().trim()) : 0, s.upscale());
        OutputSpec out = OutputSpec.defaults().withFormat(s.format()).withQuality(s.jpegQuality())
                .withNamePattern(s.namePattern()).withOnConflict(s.conflict())
                .withOptions(s.outputs().toOptions(s.upscale()));
        Recipe recipe = Recipe.defaults().withResize(resize).withQuality(s.quality()).withFilters(s.filters())
                .withOutput(out).withDecoration(s.look().decoration(resize))
                .withMetadata(s.metadata());
        return new Checked(recipe, null);
    }

    private static String firstProblem(UiSettings s) {
        ResizeMode m = s.mode();
        if (m.needsWidth()) {
            String p = sizeProblem(widthLabel(m), s.width());
            if (p != null) return p;
        }
        if (m.needsHeight()) {
            String p = sizeProblem("Height", s.height());
            if (p != null) return p;
        }
        if (m == ResizeMode.PERCENT) {
            String p = percentProblem(s.percent());
            if (p != null) return p;
        }
        String p = patternProblem(s.namePattern());
        if (p == null) p = s.outputs().problem(s.namePattern());
        if (p == null) p = s.look().problem(m);
        return p != null ? p : folderProblem(s.outputFolder());
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
