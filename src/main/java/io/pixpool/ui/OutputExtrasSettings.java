package io.pixpool.ui;

import io.pixpool.core.OutputOptions;
import io.pixpool.core.OutputVariant;
import io.pixpool.core.SizeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * The window's "More outputs" settings as the user left them: further sizes as typed ({@code 800, 200x200:{name}-thumb},
 * possibly invalid), skip-if-larger, the KB limit as typed (blank: none) and WebP lossless.
 */
public record OutputExtrasSettings(String also, boolean skipIfLarger, String maxKb, boolean webpLossless) {

    public OutputExtrasSettings {
        also = Objects.requireNonNullElse(also, "");
        maxKb = Objects.requireNonNullElse(maxKb, "");
    }

    public static OutputExtrasSettings defaults() {
        return new OutputExtrasSettings("", false, "", false);
    }

    /** What is wrong with the further sizes, or null. */
    public static String alsoProblem(String also) {
        try {
            variants(also, false);
            return null;
        } catch (IllegalArgumentException e) {
            return "More sizes: " + e.getMessage();
        }
    }

    /** What is wrong with the KB limit, or null (blank is fine: no limit). */
    public static String maxKbProblem(String maxKb) {
        if (maxKb.isBlank()) return null;
        try {
            int kb = Integer.parseInt(maxKb.trim());
            if (kb >= 1 && kb <= SizeTarget.MAX_KILOBYTES) return null;
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        return "Up to KB: enter a whole number from 1 to " + SizeTarget.MAX_KILOBYTES + ", or leave it empty";
    }

    /** The first problem of these settings with the main name pattern {@code mainPattern}, or null. */
    public String problem(String mainPattern) {
        String p = alsoProblem(also);
        if (p == null) p = maxKbProblem(maxKb);
        if (p != null) return p;
        try {
            toOptions(false).checkAgainst(mainPattern);
            return null;
        } catch (IllegalArgumentException e) {
            return "More sizes: " + e.getMessage();
        }
    }

    /** The core options; call only when {@link #problem} found none. */
    public OutputOptions toOptions(boolean upscale) {
        SizeTarget t = new SizeTarget(skipIfLarger, maxKb.isBlank() ? 0 : Integer.parseInt(maxKb.trim()));
        return new OutputOptions(variants(also, upscale), t, webpLossless);
    }

    private static List<OutputVariant> variants(String also, boolean upscale) {
        List<OutputVariant> out = new ArrayList<>();
        for (String part : also.split(",")) {
            if (!part.isBlank()) out.add(OutputVariant.parse(part, upscale));
        }
        return new OutputOptions(out, SizeTarget.none(), false).variants(); // checks count and distinct names
    }

    static void write(OutputExtrasSettings s, Preferences p) {
        p.put("outputs.also", s.also());
        p.putBoolean("outputs.skipIfLarger", s.skipIfLarger());
        p.put("outputs.maxKb", s.maxKb());
        p.putBoolean("outputs.webpLossless", s.webpLossless());
    }

    static OutputExtrasSettings read(Preferences p) {
        return new OutputExtrasSettings(p.get("outputs.also", ""), p.getBoolean("outputs.skipIfLarger", false),
                p.get("outputs.maxKb", ""), p.getBoolean("outputs.webpLossless", false));
    }
}
