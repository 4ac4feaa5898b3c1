package io.pixpool.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * Moves a finished temp file to its final name, applying the conflict policy. Runs in the coordinator. Never
 * replaces a source file: neither the job's own source nor any path the caller marks as protected (the batch's
 * other sources), whether reached by the same path, a symlink or a hard link.
 * <p>
 * RENAME and SKIP never replace an existing file even when called concurrently: the final step is a hard link
 * (which fails atomically if the name is taken) followed by removing the temp name; where hard links are not
 * supported, a move without replacing under a lock. OVERWRITE is an atomic replacing rename.
 */
public final class OutputPlacer {

    /** Highest {@code -N} suffix tried by RENAME before giving up. */
    static final int MAX_RENAME = 100_000;

    private static final Object FALLBACK_LOCK = new Object();

    /** Where the output ended up; {@code skipped} when the policy said to keep an existing file. */
    public record Placement(Path output, boolean skipped) {
    }

    private OutputPlacer() {
    }

    public static Placement place(EncodedImage img, Path outputDir, ConflictPolicy policy, Path source)
            throws ImageException {
        return place(img, outputDir, policy, source, p -> false);
    }

    /**
     * @param isProtected paths that must never be written either (the batch's other sources); asked with the
     *                    absolute normalised candidate path and, when the candidate exists, its real path
     */
    public static Placement place(EncodedImage img, Path outputDir, ConflictPolicy policy, Path source,
                                  Predicate<Path> isProtected) throws ImageException {
        Path target = outputDir.resolve(img.fileName());
        if (img.skipped()) return new Placement(target, true);
        try {
            return placeOrRemove(img.tempFile(), target, policy, source, isProtected);
        } catch (IOException e) {
            throw new ImageException("cannot place output " + target + ": " + IoReasons.reason(e), e);
        }
    }

    /** Applies the policy; whatever goes wrong, the temp file is removed before the failure goes on. */
    private static Placement placeOrRemove(Path tmp, Path target, ConflictPolicy policy, Path source,
                                           Predicate<Path> isProtected) throws IOException, ImageException {
        try {
            switch (policy) {
                case OVERWRITE: return overwrite(tmp, target, source, isProtected);
                case SKIP: return skip(tmp, target, source, isProtected);
                case RENAME:
                default: return rename(tmp, target, source, isProtected);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    private static Placement overwrite(Path tmp, Path target, Path source, Predicate<Path> isProtected)
            throws IOException, ImageException {
        if (isProtected(target, source, isProtected)) {
            throw new ImageException("output would overwrite the source file " + target);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Placement(target, false);
    }

    private static Placement skip(Path tmp, Path target, Path source, Predicate<Path> isProtected)
            throws IOException {
        if (!exists(target) && !isProtected(target, source, isProtected) && placeNew(tmp, target)) {
            return new Placement(target, false);
        }
        Files.deleteIfExists(tmp);
        return new Placement(target, true);
    }

    private static Placement rename(Path tmp, Path target, Path source, Predicate<Path> isProtected)
            throws IOException, ImageException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot <= 0 ? name : name.substring(0, dot);
        String ext = dot <= 0 ? "" : name.substring(dot);
        for (int n = 0; n <= MAX_RENAME; n++) {
            Path candidate = n == 0 ? target : target.resolveSibling(base + "-" + n + ext);
            if (exists(candidate) || isProtected(candidate, source, isProtected)) continue;
            if (placeNew(tmp, candidate)) return new Placement(candidate, false);
        }
        throw new ImageException("no free name for " + target + " (tried up to -" + MAX_RENAME + ")");
    }

    /** Gives {@code tmp} the name {@code target} unless that name exists; false if it does. Never replaces. */
    private static boolean placeNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // FAT/exFAT, some network and FUSE file systems: no hard links. Move without replacing, serialised.
            synchronized (FALLBACK_LOCK) {
                if (exists(target)) return false;
                try {
                    Files.move(tmp, target);
                    return true;
                } catch (FileAlreadyExistsException taken) {
                    return false;
                }
            }
        }
        Files.delete(tmp);
        return true;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether writing {@code candidate} could touch the source or another protected file. */
    static boolean isProtected(Path candidate, Path source, Predicate<Path> isProtected) throws IOException {
        Path abs = candidate.toAbsolutePath().normalize();
        if (source != null && abs.equals(source.toAbsolutePath().normalize())) return true;
        if (isProtected.test(abs)) return true;
        if (!Files.exists(candidate)) return false;
        if (source != null && Files.exists(source) && Files.isSameFile(candidate, source)) return true;
        return isProtected.test(candidate.toRealPath());
    }
}
