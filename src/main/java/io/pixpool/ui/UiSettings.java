package io.pixpool.ui;

import io.pixpool.batch.BatchSettings;
import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterStep;
import io.pixpool.core.MetadataSpec;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import java.util.List;
import java.util.Objects;

/**
 * Everything the settings panel holds, as the user left it: sizes are kept as typed (they may be invalid; the
 * window says why and will not start), everything else is always valid. What is saved between runs and in presets.
 *
 * @param outputFolder the chosen output folder, or blank for the default beside the first input
 * @param outputs      further sizes, size targets, WebP lossless
 * @param look         watermarks, padding and border
 * @param metadata     metadata and colour profile handling
 */
public record UiSettings(ResizeMode mode, String width, String height, String percent, boolean upscale,
                         ScaleQuality quality, List<FilterStep> filters, OutputFormat format, int jpegQuality,
                         String namePattern, String outputFolder, ConflictPolicy conflict, int workers,
                         OutputExtrasSettings outputs, LookSettings look, MetadataSpec metadata) {

    public UiSettings {
        Objects.requireNonNull(mode, "mode");
        width = Objects.requireNonNullElse(width, "");
        height = Objects.requireNonNullElse(height, "");
        percent = Objects.requireNonNullElse(percent, "");
        Objects.requireNonNull(quality, "quality");
        filters = List.copyOf(filters);
        Objects.requireNonNull(format, "format");
        if (jpegQuality < 1 || jpegQuality > 100) throw new IllegalArgumentException("JPEG quality must be 1..100, was " + jpegQuality);
        namePattern = Objects.requireNonNullElse(namePattern, "");
        outputFolder = Objects.requireNonNullElse(outputFolder, "");
        Objects.requireNonNull(conflict, "conflict");
        if (workers < 1 || workers > BatchSettings.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + BatchSettings.MAX_WORKERS + ", was " + workers);
        }
        outputs = Objects.requireNonNullElse(outputs, OutputExtrasSettings.defaults());
        look = Objects.requireNonNullElse(look, LookSettings.defaults());
        metadata = Objects.requireNonNullElse(metadata, MetadataSpec.defaults());
    }

    public UiSettings(ResizeMode mode, String width, String height, String percent, boolean upscale,
                      ScaleQuality quality, List<FilterStep> filters, OutputFormat format, int jpegQuality,
                      String namePattern, String outputFolder, ConflictPolicy conflict, int workers) {
        this(mode, width, height, percent, upscale, quality, filters, format, jpegQuality, namePattern, outputFolder,
                conflict, workers, OutputExtrasSettings.defaults(), LookSettings.defaults(), MetadataSpec.defaults());
    }

    public UiSettings withOutputs(OutputExtrasSettings o) {
        return new UiSettings(mode, width, height, percent, upscale, quality, filters, format, jpegQuality,
                namePattern, outputFolder, conflict, workers, o, look, metadata);
    }

    /** Fit inside 1920 x 1080, high quality, no filters, same format, name kept, default folder, all processors. */
    public static UiSettings defaults() {
        return new UiSettings(ResizeMode.FIT, "1920", "1080", "50", false, ScaleQuality.QUALITY, List.of(),
                OutputFormat.SAME, OutputSpec.DEFAULT_QUALITY, OutputSpec.DEFAULT_PATTERN, "", ConflictPolicy.RENAME,
                BatchSettings.defaultWorkers());
    }

    /** The highest worker count offered: twice the processors, within the pool's limit. */
    public static int maxWorkers() {
        return Math.max(1, Math.min(BatchSettings.MAX_WORKERS, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public UiSettings withOutputFolder(String folder) {
        return new UiSettings(mode, width, height, percent, upscale, quality, filters, format, jpegQuality,
                namePattern, folder, conflict, workers, outputs, look, metadata);
    }

    public UiSettings withLook(LookSettings l) {
        return new UiSettings(mode, width, height, percent, upscale, quality, filters, format, jpegQuality,
                namePattern, outputFolder, conflict, workers, outputs, l, metadata);
    }

    public UiSettings withMetadata(MetadataSpec m) {
        return new UiSettings(mode, width, height, percent, upscale, quality, filters, format, jpegQuality,
                namePattern, outputFolder, conflict, workers, outputs, look, m);
    }
}
