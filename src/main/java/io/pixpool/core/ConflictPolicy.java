package io.pixpool.core;

import java.util.Locale;

/** What to do when the output file already exists. Never applies to a source file: those are never written. */
public enum ConflictPolicy {
    /** Write {@code name-1.jpg}, {@code name-2.jpg}, ... (default). */
    RENAME,
    /** Replace the existing output (atomically). */
    OVERWRITE,
    /** Leave the existing output and report the file as skipped. */
    SKIP;

    public static ConflictPolicy fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
