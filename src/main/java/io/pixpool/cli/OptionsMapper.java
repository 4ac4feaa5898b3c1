package io.pixpool.cli;

import io.pixpool.batch.BatchSettings;
import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.ScaleQuality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link BatchOptions} into a {@link BatchRequest}. No side effects: nothing on disk is touched, so a usage
 * error never leaves anything behind. The records' own validation supplies most messages; each is prefixed with
 * the option it came from.
 */
final class OptionsMapper {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,9})\\s*[xX\u00d7]\\s*(\\d{1,9})\\s*");
    private static final Pattern COUNT = Pattern.compile("\\s*(\\d{1,18}(?:\\.\\d+)?)\\s*([kKmMgG]?)[pP]?\\s*");
    private static final Pattern MEGABYTES = Pattern.compile("\\s*(\\d{1,9})\\s*([mMgG]?)[bB]?\\s*");
    private static final Pattern COLOR = Pattern.compile("#?([0-9a-fA-F]{6})");

    private OptionsMapper() {
    }

    /** A step of the mapping that may throw IllegalArgumentException with a user-facing message. */
    @FunctionalInterface
    interface Step<T> {
        T get();
    }

    static <T> T option(String name, Step<T> step) throws UsageException {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    static BatchRequest map(BatchOptions o) throws UsageException {
        if (o.out.toString().isBlank()) throw new UsageException("--out: the output folder name is empty");
        Recipe recipe = recipe(o);
        BatchSettings defaults = BatchSettings.of(recipe, o.out.toAbsolutePath().normalize());
        BatchSettings s = o.workers == null ? defaults : option("--workers", () -> defaults.withWorkers(o.workers));
        int heap = o.workerHeap == null ? BatchSettings.defaultWorkerHeapMb(s.workers())
                : option("--worker-heap", () -> megabytes(o.workerHeap));
        s = set("--worker-heap", s, x -> x.withWorkerHeapMb(heap));
        if (o.attempts != null) s = set("--attempts", s, x -> x.withMaxAttempts(o.attempts));
        if (o.timeout != null) s = set("--timeout", s, x -> x.withTimeout(seconds(o.timeout)));
        Path report = o.report == null ? null : o.report.toAbsolutePath().normalize();
        return new BatchRequest(s, o.inputs, report, o.quiet);
    }

    static Recipe recipe(BatchOptions o) throws UsageException {
        Recipe base = o.look.base();
        Recipe r = base
                .withResize(resize(o, base.resize()))
                .withFilters(o.filters.isEmpty() ? base.filters() : filters(o.filters))
                .withOutput(output(o, base.output()))
                .withMetadata(o.metadata.spec(base.metadata()));
        if (o.qualityMethod != null) {
            ScaleQuality q = option("--quality-method", () -> scaleQuality(o.qualityMethod));
            r = r.withQuality(q);
        }
        if (o.maxPixels != null) r = set("--max-pixels", r, x -> x.withMaxPixels(count(o.maxPixels)));
        return o.look.decorate(r);
    }

    private static <T> T set(String name, T value, UnaryOperator<T> change) throws UsageException {
        return option(name, () -> change.apply(value));
    }

    /** The resize option given, else {@code fallback} (the preset's, or none). */
    static ResizeSpec resize(BatchOptions o, ResizeSpec fallback) throws UsageException {
        Map<String, Step<ResizeSpec>> given = new LinkedHashMap<>();
        if (o.fit != null) given.put("--fit", () -> ResizeSpec.fit(size(o.fit)[0], size(o.fit)[1]));
        if (o.exact != null) given.put("--exact", () -> ResizeSpec.exact(size(o.exact)[0], size(o.exact)[1]));
        if (o.fill != null) given.put("--fill", () -> ResizeSpec.fill(size(o.fill)[0], size(o.fill)[1]));
        if (o.width != null) given.put("--width", () -> ResizeSpec.width(pixels(o.width)));
        if (o.height != null) given.put("--height", () -> ResizeSpec.height(pixels(o.height)));
        if (o.scale != null) given.put("--scale", () -> ResizeSpec.percent(percent(o.scale)));
        if (o.longEdge != null) given.put("--long-edge", () -> ResizeSpec.longEdge(pixels(o.longEdge)));
        if (given.size() > 1) {
            throw new UsageException("choose one resize option, not " + String.join(" and ", given.keySet()));
        }
        if (given.isEmpty()) {
            if (o.upscale && fallback.mode() == io.pixpool.core.ResizeMode.NONE) {
                throw new UsageException("--upscale needs a resize option such as --fit or --width");
            }
            return o.upscale ? fallback.withUpscale(true) : fallback;
        }
        Map.Entry<String, Step<ResizeSpec>> only = given.entrySet().iterator().next();
        return option(only.getKey(), only.getValue()).withUpscale(o.upscale);
    }

    static List<FilterStep> filters(List<String> specs) throws UsageException {
        List<FilterStep> steps = new ArrayList<>();
        for (String f : specs) steps.add(option("--filter", () -> FilterStep.parse(f)));
        return steps;
    }

    static OutputSpec output(BatchOptions o, OutputSpec base) throws UsageException {
        OutputSpec out = base;
        if (o.format != null) out = set("--format", out, x -> x.withFormat(OutputFormat.fromId(o.format)));
        if (o.quality != null) out = set("--quality", out, x -> x.withQuality(o.quality));
        if (o.background != null) out = set("--background", out, x -> x.withBackground(color(o.background)));
        if (o.name != null) out = set("--name", out, x -> x.withNamePattern(o.name));
        if (o.onConflict != null) out = set("--on-conflict", out, x -> x.withOnConflict(conflict(o.onConflict)));
        return o.outputs.apply(out, o.upscale);
    }

    /** {@code WxH}, e.g. {@code 800x600}; the range is checked by {@link ResizeSpec}. */
    static int[] size(String s) {
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("expected WxH such as 800x600, got '" + s + "'");
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static int pixels(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number of pixels, got '" + s + "'", e);
        }
    }

    static double percent(String s) {
        String t = s.trim();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a percentage such as 50 or 12.5%, got '" + s + "'", e);
        }
    }

    /** A count with an optional decimal suffix: {@code 250M}, {@code 1.5G}, {@code 250MP}, {@code 250000000}. */
    static long count(String s) {
        Matcher m = COUNT.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("expected a number such as 250M or 250000000, got '" + s + "'");
        double factor;
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K": factor = 1e3; break;
            case "M": factor = 1e6; break;
            case "G": factor = 1e9; break;
            default: factor = 1; break;
        }
        double v = Double.parseDouble(m.group(1)) * factor;
        if (v >= Long.MAX_VALUE) throw new IllegalArgumentException("too large: " + s);
        return Math.round(v);
    }

    /** Mebibytes, optionally with a unit: {@code 512}, {@code 512m}, {@code 1g}. */
    static int megabytes(String s) {
        Matcher m = MEGABYTES.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("expected MiB such as 512 or 1g, got '" + s + "'");
        long v = Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
        if (v > Integer.MAX_VALUE) throw new IllegalArgumentException("too large: " + s);
        return (int) v;
    }

    static Duration seconds(String s) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected seconds such as 60 or 0.5, got '" + s + "'", e);
        }
        if (!(v > 0) || v > 1e9) throw new IllegalArgumentException("must be a positive number of seconds, was " + s);
        long ms = Math.round(v * 1000);
        if (ms < 1) throw new IllegalArgumentException("must be at least 0.001 seconds, was " + s);
        return Duration.ofMillis(ms);
    }

    static int color(String s) {
        Matcher m = COLOR.matcher(s.trim());
        if (!m.matches()) throw new IllegalArgumentException("expected a colour as RRGGBB hex such as FFFFFF, got '" + s + "'");
        return Integer.parseInt(m.group(1), 16);
    }

    static ScaleQuality scaleQuality(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "fast": return ScaleQuality.FAST;
            case "balanced": return ScaleQuality.BALANCED;
            case "quality": return ScaleQuality.QUALITY;
            case "ultra": return ScaleQuality.ULTRA;
            default: throw new IllegalArgumentException("expected fast, balanced, quality or ultra, got '" + s + "'");
        }
    }

    static ConflictPolicy conflict(String s) {
        for (ConflictPolicy p : ConflictPolicy.values()) {
            if (p.id().equals(s.trim().toLowerCase(Locale.ROOT))) return p;
        }
        throw new IllegalArgumentException("expected rename, overwrite or skip, got '" + s + "'");
    }
}
