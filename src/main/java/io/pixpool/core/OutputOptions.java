package io.pixpool.core;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link OutputSpec} says beyond format and name: further outputs of each source ({@code variants}, written
 * after the main one, in order), size targets for every output, and whether WebP is written lossless (otherwise
 * lossy at the spec's quality).
 */
public record OutputOptions(List<OutputVariant> variants, SizeTarget sizeTarget, boolean webpLossless) {

    /** Outputs per source at most, the main one included. */
    public static final int MAX_OUTPUTS = 16;

    public OutputOptions {
        variants = List.copyOf(variants);
        Objects.requireNonNull(sizeTarget, "sizeTarget");
        if (variants.size() + 1 > MAX_OUTPUTS) {
            throw new IllegalArgumentException("at most " + MAX_OUTPUTS + " outputs per file, got " + (variants.size() + 1));
        }
        Set<String> patterns = new HashSet<>();
        for (OutputVariant v : variants) {
            if (!patterns.add(v.namePattern())) {
                throw new IllegalArgumentException("two outputs have the same name pattern " + v.namePattern());
            }
        }
    }

    public static OutputOptions defaults() {
        return new OutputOptions(List.of(), SizeTarget.none(), false);
    }

    /** Throws IllegalArgumentException when a variant would be named like the main output (pattern {@code main}). */
    public void checkAgainst(String mainPattern) {
        for (OutputVariant v : variants) {
            if (v.namePattern().equals(mainPattern)) {
                throw new IllegalArgumentException("a further output has the main name pattern " + mainPattern
                        + ": give it its own, e.g. " + mainPattern + "-small");
            }
        }
    }

    public OutputOptions withVariants(List<OutputVariant> v) { return new OutputOptions(v, sizeTarget, webpLossless); }
    public OutputOptions withSizeTarget(SizeTarget t) { return new OutputOptions(variants, t, webpLossless); }
    public OutputOptions withWebpLossless(boolean l) { return new OutputOptions(variants, sizeTarget, l); }
}
