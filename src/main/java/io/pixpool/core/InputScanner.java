package io.pixpool.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Expands files and folders into image inputs: folders recursively (symlinks followed, loops survived), image files
 * only (by extension; contents are never read), duplicates dropped, the structure below each folder kept as
 * {@link InputFile#relativeDir()}. Our own temp files ({@link TempFiles#isTemp}) are ignored silently.
 *
 * <p>Order: roots in the given order; the files found below a folder sorted by path. A file reached twice (the same
 * root given twice, a file and its folder, a symlink to something already seen) is kept at its first place only.
 * Paths are made absolute and normalized.
 */
public final class InputScanner {

    /** Extensions (lower case, no dot) of the formats the pipeline reads. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(
            "jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "dib", "tif", "tiff", "webp");

    /** How many entries between two progress calls. */
    private static final int PROGRESS_EVERY = 1000;

    /**
     * @param images    image files found, in a stable order (given order; within a folder sorted by path)
     * @param nonImages files given or found that are not images by name
     * @param problems  user-facing messages for unreadable paths, missing files, loops
     */
    public record Result(List<InputFile> images, List<Path> nonImages, List<String> problems) {
        public Result {
            images = List.copyOf(images);
            nonImages = List.copyOf(nonImages);
            problems = List.copyOf(problems);
        }
    }

    /** Whether the file name has an extension we read (jpg, jpeg, png, gif, bmp, tif, tiff, webp, ...). */
    public static boolean isImageName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) return false;
        return IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param progress  told the number of entries seen so far, now and then (may be called often; keep it cheap)
     * @param cancelled polled during the walk; when true the scan stops and returns what it has
     */
    public Result scan(List<Path> roots, LongConsumer progress, BooleanSupplier cancelled) {
        return new Walk(progress, cancelled).run(roots);
    }

    /** One found file before duplicates are dropped: {@code key} is its real path. */
    private record Found(Path path, Path key, Path relativeDir) {
    }

    /** The state of one scan. */
    private static final class Walk {
        private final LongConsumer progress;
        private final BooleanSupplier cancelled;
        private final List<InputFile> images = new ArrayList<>();
        private final List<Path> nonImages = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<Path> seen = new HashSet<>();
        private long entries;
        private boolean stopped;

        Walk(LongConsumer progress, BooleanSupplier cancelled) {
            this.progress = progress;
            this.cancelled = cancelled;
        }

        Result run(List<Path> roots) {
            for (Path given : roots) {
                if (stopped || cancelled.getAsBoolean()) break;
                Path root = given.toAbsolutePath().normalize();
                if (Files.isDirectory(root)) {
                    walkFolder(root);
                } else if (Files.exists(root)) {
                    count();
                    addFile(root, Path.of(""));
                } else if (Files.isSymbolicLink(root)) {
                    problems.add("broken symbolic link: " + root);
                } else {
                    problems.add("not found: " + root);
                }
            }
            progress.accept(entries);
            return new Result(images, nonImages, problems);
        }

        /** Counts an entry, reports progress now and then; false when the scan must stop. */
        private boolean count() {
            entries++;
            if (entries % PROGRESS_EVERY == 0) progress.accept(entries);
            if (cancelled.getAsBoolean()) stopped = true;
            return !stopped;
        }

        /** A file given directly (relativeDir "") or kept after the walk of its folder. */
        private void addFile(Path file, Path relativeDir) {
            if (TempFiles.isTemp(file)) return;
            if (!Files.isRegularFile(file)) {
                problems.add("not a regular file: " + file);
                return;
            }
            String name = file.getFileName().toString();
            if (!isImageName(name)) {
                nonImages.add(file);
                return;
            }
            if (!Files.isReadable(file)) {
                problems.add("cannot read " + file + ": permission denied");
                return;
            }
            Path key = realPath(file);
            if (key != null && seen.add(key)) images.add(new InputFile(file, relativeDir));
        }

        private Path realPath(Path file) {
            try {
                return file.toRealPath();
            } catch (IOException e) {
                problems.add("cannot read " + file + ": " + reason(e));
                return null;
            }
        }

        private void walkFolder(Path root) {
            List<Found> found = new ArrayList<>();
            List<Path> others = new ArrayList<>();
            // real paths of the folders being walked: a plain file's real path is its folder's plus its name,
            // so only folders and symlinked files cost a realpath() call
            Deque<Path> realDirs = new ArrayDeque<>();
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (!count()) return FileVisitResult.TERMINATE;
                                try {
                                    realDirs.push(dir.toRealPath());
                                } catch (IOException e) {
                                    problems.add("cannot read folder " + dir + ": " + reason(e));
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                                if (exc != null) problems.add("cannot read folder " + dir + ": " + reason(exc));
                                realDirs.pop();
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!count()) return FileVisitResult.TERMINATE;
                                if (TempFiles.isTemp(file)) return FileVisitResult.CONTINUE;
                                if (attrs.isSymbolicLink()) { // FOLLOW_LINKS hands us the link itself when its target is gone
                                    problems.add("broken symbolic link: " + file);
                                    return FileVisitResult.CONTINUE;
                                }
                                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE; // fifos, devices
                                Path name = file.getFileName();
                                if (!isImageName(name.toString())) {
                                    others.add(file);
                                    return FileVisitResult.CONTINUE;
                                }
                                if (!Files.isReadable(file)) {
                                    problems.add("cannot read " + file + ": permission denied");
                                    return FileVisitResult.CONTINUE;
                                }
                                Path key = Files.isSymbolicLink(file) ? realPath(file) : realDirs.peek().resolve(name);
                                if (key != null) found.add(new Found(file, key, root.relativize(file.getParent())));
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                                if (!count()) return FileVisitResult.TERMINATE;
                                if (exc instanceof FileSystemLoopException) {
                                    problems.add("symbolic link loop skipped: " + file);
                                } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                                        || Files.isDirectory(file)) {
                                    problems.add("cannot read folder " + file + ": " + reason(exc));
                                } else {
                                    problems.add("cannot read " + file + ": " + reason(exc));
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                problems.add("cannot read folder " + root + ": " + reason(e));
            }
            found.sort(Comparator.comparing(Found::path));
            for (Found f : found) {
                if (seen.add(f.key())) images.add(new InputFile(f.path(), f.relativeDir()));
            }
            others.sort(Comparator.naturalOrder());
            nonImages.addAll(others);
        }

        private static String reason(IOException e) {
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof NoSuchFileException) return "no longer exists";
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m;
        }
    }
}
