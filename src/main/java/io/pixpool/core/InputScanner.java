package io.pixpool.core;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Expands files and folders into image inputs: folders recursively (symlinks followed, loops survived), image files
 * only (by extension; contents are never read), duplicates dropped, the structure below each folder kept as
 * {@link InputFile#relativeDir()}. SKELETON: implemented with the CLI work.
 */
public final class InputScanner {

    /**
     * @param images    image files found, in a stable order (given order; within a folder sorted by path)
     * @param nonImages files given or found that are not images by name
     * @param problems  user-facing messages for unreadable paths, missing files, loops
     */
    public record Result(List<InputFile> images, List<Path> nonImages, List<String> problems) { }

    /** Whether the file name has an extension we read (jpg, jpeg, png, gif, bmp, tif, tiff, webp, ...). */
    public static boolean isImageName(String fileName) {
        throw new UnsupportedOperationException();
    }

    /**
     * @param progress  told the number of entries seen so far, now and then (may be called often; keep it cheap)
     * @param cancelled polled during the walk; when true the scan stops and returns what it has
     */
    public Result scan(List<Path> roots, LongConsumer progress, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException();
    }
}
