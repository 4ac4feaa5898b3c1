package io.pixpool.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names of the temporary files outputs are written to before they are moved into place. The name carries the
 * writing process id, so whoever supervises that process can remove its leftovers after killing it.
 */
public final class TempFiles {

    private static final String PREFIX = ".pixpool-";

    private TempFiles() {
    }

    /** Prefix of every temp file written by the process {@code ownerPid}. */
    public static String prefix(long ownerPid) {
        return PREFIX + ownerPid + "-";
    }

    /** Prefix of the temp files {@code ownerPid} writes for its job {@code job}: {@link #prefix}, then the number. */
    public static String prefix(long ownerPid, long job) {
        return prefix(ownerPid) + job + "-";
    }

    public static boolean isTemp(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(PREFIX);
    }

    /** Deletes {@code dir}'s temp files written by {@code ownerPid}; returns how many. Missing dir: 0. */
    public static int removeAll(Path dir, long ownerPid) throws IOException {
        return removeAll(dir, prefix(ownerPid));
    }

    /** Deletes {@code dir}'s temp files whose names start with {@code prefix} (a {@link #prefix}); returns how many. */
    public static int removeAll(Path dir, String prefix) throws IOException {
        if (!prefix.startsWith(PREFIX)) throw new IllegalArgumentException("not a temp file prefix: " + prefix);
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path p : ds) {
                if (Files.deleteIfExists(p)) n++;
            }
        }
        return n;
    }
}
