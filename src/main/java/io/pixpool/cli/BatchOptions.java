package io.pixpool.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code batch} command line as picocli fills it in: raw values only. {@link OptionsMapper} validates them and
 * builds the settings, so every rule lives in one place and comes with a user-facing message.
 */
@Command(name = "pixpool batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Resize and convert images in parallel with a pool of worker processes.%n"
                + "Folders are searched recursively; their folder structure is kept below --out.",
        footer = {"", "Exit status: 0 all done or skipped, 1 some failed, were cancelled or could not be read, "
                + "2 bad usage (nothing processed).",
                "Example: pixpool batch --fit 1600x1600 --filter sharpen --format jpg --out small photos/"})
final class BatchOptions {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Image files or folders.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker processes, 1..64 (default: available processors).")
    Integer workers;

    @Option(names = "--fit", paramLabel = "WxH", description = "Fit inside WxH, keeping the aspect ratio.")
    String fit;

    @Option(names = "--exact", paramLabel = "WxH", description = "Exactly WxH, stretching if needed.")
    String exact;

    @Option(names = "--fill", paramLabel = "WxH", description = "Cover WxH, then centre-crop to WxH.")
    String fill;

    @Option(names = "--width", paramLabel = "W", description = "Width W, height follows the aspect ratio.")
    String width;

    @Option(names = "--height", paramLabel = "H", description = "Height H, width follows the aspect ratio.")
    String height;

    @Option(names = "--scale", paramLabel = "PCT", description = "Scale to PCT percent, e.g. 50 or 12.5%%.")
    String scale;

    @Option(names = "--long-edge", paramLabel = "N", description = "The longer side becomes N pixels.")
    String longEdge;

    @Option(names = "--upscale", description = "Allow enlarging (never by default).")
    boolean upscale;

    @Option(names = "--quality-method", paramLabel = "METHOD",
            description = "Resampling: fast, balanced, quality (default), ultra.")
    String qualityMethod;

    @Option(names = "--filter", paramLabel = "NAME[=VALUE]", split = ",",
            description = "Filter, repeatable, applied in order: grayscale, sepia, brightness=PCT, contrast=PCT, "
                    + "sharpen[=STRENGTH], blur[=RADIUS], rotate=90|180|270, fliph, flipv.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: jpg, png, bmp, gif, tiff, webp or same (default).")
    String format;

    @Option(names = "--quality", paramLabel = "Q", description = "JPEG and lossy WebP quality 1..100 (default 85).")
    Integer quality;

    @Option(names = "--background", paramLabel = "RRGGBB",
            description = "Colour transparent pixels become in formats without alpha (default FFFFFF).")
    String background;

    @Option(names = "--name", paramLabel = "PATTERN",
            description = "Output name without extension; tokens {name} {ext} {w} {h} {n} {n:3} (default {name}).")
    String name;

    @Mixin
    OutputOptionsMixin outputs = new OutputOptionsMixin();

    @Option(names = "--on-conflict", paramLabel = "POLICY",
            description = "When the output exists: rename (default: adds -1, -2, ...), overwrite, skip.")
    String onConflict;

    @Mixin
    MetadataOptions metadata = new MetadataOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Per-file time limit; past it the worker is killed and replaced (default 60).")
    String timeout;

    @Option(names = "--attempts", paramLabel = "N",
            description = "Attempts per file when its worker dies or times out (default 2).")
    Integer attempts;

    @Option(names = "--worker-heap", paramLabel = "MB", description = "Heap of each worker in MiB, e.g. 512 or 1g.")
    String workerHeap;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Larger sources fail instead of being decoded, e.g. 250M or 250000000 (default 250M).")
    String maxPixels;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write a CSV row per output: source,status,output,width,height,millis,message,bytes,quality.")
    Path report;

    @Mixin
    WatchOptions watch = new WatchOptions();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Mixin
    LookOptions look = new LookOptions();
}
