package io.pixpool.batch.watch;

import io.pixpool.core.InputScanner;
import java.util.List;
import java.util.Locale;

/**
 * Which names in a watched folder are images to process. Files still being written by browsers, downloaders, copy
 * tools and editors usually carry a temporary name until they are complete, and are renamed at the end; those,
 * hidden files (rsync's {@code .name.XXXXXX}, macOS {@code ._name}) and our own temp outputs are skipped silently.
 */
final class ArrivalNames {

    enum Kind { IMAGE, NOT_IMAGE, TEMPORARY }

    private static final List<String> PARTIAL_SUFFIXES = List.of(
            ".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".filepart", ".!ut", ".opdownload", "~");

    private ArrivalNames() {
    }

    static Kind classify(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("~$")) { // hidden, including our own .pixpool-*.tmp
            return Kind.TEMPORARY;
        }
        for (String s : PARTIAL_SUFFIXES) {
            if (lower.endsWith(s)) return Kind.TEMPORARY;
        }
        return InputScanner.isImageName(fileName) ? Kind.IMAGE : Kind.NOT_IMAGE;
    }
}
