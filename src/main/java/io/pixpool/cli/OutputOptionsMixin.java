package io.pixpool.cli;

import io.pixpool.core.OutputFormat;
import io.pixpool.core.OutputOptions;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.OutputVariant;
import io.pixpool.core.SizeTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code batch} options for further outputs per file, size targets and WebP, and how they become
 * {@link OutputOptions}: {@code --also 800 --also 200x200:{name}-thumb --skip-if-larger --max-kb 300
 * --format webp --webp-lossless}.
 */
final class OutputOptionsMixin {

    @Option(names = "--also", paramLabel = "SIZE[:PATTERN]",
            description = "One more output per file, repeatable, from the same decode: SIZE is N (long edge) or WxH "
                    + "(fit inside); PATTERN its name (default {name}-SIZE), e.g. --also 800 --also 200x200:{name}-thumb.")
    List<String> also = new ArrayList<>();

    @Option(names = "--skip-if-larger",
            description = "Do not write an output that would be larger than its source file.")
    boolean skipIfLarger;

    @Option(names = "--max-kb", paramLabel = "N",
            description = "JPEG and lossy WebP: the highest quality (up to --quality) whose file fits in N KB "
                    + "(1 KB = 1024 bytes); if even quality 1 does not fit, that is written and reported.")
    Integer maxKb;

    @Option(names = "--webp-lossless", description = "With --format webp: lossless instead of lossy at --quality.")
    boolean webpLossless;

    /** {@code out} with these options; {@code upscale} is the main resize's (variants follow it). */
    OutputSpec apply(OutputSpec out, boolean upscale) throws UsageException {
        if (webpLossless && out.format() != OutputFormat.WEBP) {
            throw new UsageException("--webp-lossless: needs --format webp");
        }
        List<OutputVariant> variants = new ArrayList<>();
        for (String a : also) variants.add(variant(a, upscale));
        SizeTarget target = SizeTarget.none().withSkipIfLarger(skipIfLarger);
        if (maxKb != null) {
            if (maxKb < 1) throw new UsageException("--max-kb: must be at least 1, was " + maxKb);
            OutputFormat f = out.format();
            if (f != OutputFormat.JPG && f != OutputFormat.SAME && (f != OutputFormat.WEBP || webpLossless)) {
                throw new UsageException("--max-kb: only JPEG and lossy WebP have a quality to lower; "
                        + (f == OutputFormat.WEBP ? "--webp-lossless" : "--format " + f.id()) + " would ignore it");
            }
            try {
                target = target.withMaxKilobytes(maxKb);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--max-kb: " + e.getMessage());
            }
        }
        try {
            return out.withOptions(new OutputOptions(variants, target, webpLossless));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--also: " + e.getMessage());
        }
    }

    static OutputVariant variant(String spec, boolean upscale) throws UsageException {
        try {
            return OutputVariant.parse(spec, upscale);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--also " + spec + ": " + e.getMessage());
        }
    }
}
