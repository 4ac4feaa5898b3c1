package io.pixpool.ui;

import io.pixpool.core.InputFile;
import io.pixpool.core.InputScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files to process. Dropped or chosen paths are scanned on a background thread (folders recursively) with a
 * running count; images not yet in the list become rows, everything else is reported in a {@link Notice}.
 * Methods are for the FX thread.
 */
public final class FileListModel {

    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    private final ObservableList<FileRow> rows = FXCollections.observableArrayList();
    private final Set<Path> known = new HashSet<>();
    private final InputScanner scanner;
    private final Consumer<Notice> notices;
    private final ExecutorService scans = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pixpool-scan");
        t.setDaemon(true);
        return t;
    });
    /** Bumped by {@link #clear}: scans of an older generation stop and their results are dropped. */
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
    private final ReadOnlyLongWrapper scanned = new ReadOnlyLongWrapper(this, "scanned");
    private int pending;

    public FileListModel(InputScanner scanner, Consumer<Notice> notices) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    public ObservableList<FileRow> rows() { return rows; }

    /** True while dropped or chosen paths are being scanned. */
    public ReadOnlyBooleanProperty scanningProperty() { return scanning.getReadOnlyProperty(); }

    /** Entries looked at by the running scans so far. */
    public ReadOnlyLongProperty scannedProperty() { return scanned.getReadOnlyProperty(); }

    /**
     * Scans files and folders in the background and appends the images found (duplicates ignored). The future
     * completes on the FX thread with the number of rows added, once they are in the list.
     */
    public CompletableFuture<Integer> addPaths(List<Path> paths) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        if (paths.isEmpty()) {
            result.complete(0);
            return result;
        }
        List<Path> roots = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        long gen = generation.get();
        pending++;
        scanning.set(true);
        scans.execute(() -> scanInBackground(roots, gen, result));
        return result;
    }

    private void scanInBackground(List<Path> roots, long gen, CompletableFuture<Integer> result) {
        long[] lastPost = {System.nanoTime()};
        try {
            InputScanner.Result found = scanner.scan(roots, n -> {
                long now = System.nanoTime();
                if (now - lastPost[0] > PROGRESS_EVERY_NANOS) {
                    lastPost[0] = now;
                    Platform.runLater(() -> {
                        if (scanning.get()) scanned.set(n);
                    });
                }
            }, () -> generation.get() != gen);
            List<FileRow> found2 = new ArrayList<>(found.images().size());
            for (InputFile f : found.images()) found2.add(new FileRow(f, originOf(f.source(), roots), sizeOf(f.source())));
            Platform.runLater(() -> result.complete(scanDone(gen, found2, found)));
        } catch (RuntimeException e) {
            Platform.runLater(() -> {
                scanEnded();
                notices.accept(new Notice(Notice.Kind.ERROR, "Could not read the dropped files",
                        e.getMessage() == null ? e.toString() : e.getMessage(), List.of()));
                result.completeExceptionally(e);
            });
        }
    }

    private int scanDone(long gen, List<FileRow> found, InputScanner.Result result) {
        scanEnded();
        if (gen != generation.get()) return 0;
        int added = add(found);
        int duplicates = found.size() - added;
        notices.accept(ScanReport.of(added, duplicates, result.nonImages(), result.problems()));
        return added;
    }

    private void scanEnded() {
        pending--;
        if (pending == 0) {
            scanning.set(false);
            scanned.set(0);
        }
    }

    /** Appends the rows whose source is not in the list yet; returns how many were added. */
    int add(List<FileRow> candidates) {
        List<FileRow> fresh = new ArrayList<>(candidates.size());
        for (FileRow r : candidates) {
            if (known.add(key(r.source()))) fresh.add(r);
        }
        rows.addAll(fresh);
        return fresh.size();
    }

    public void remove(Collection<FileRow> gone) {
        Set<FileRow> set = new HashSet<>(gone);
        for (FileRow r : set) known.remove(key(r.source()));
        rows.removeIf(set::contains);
    }

    /** Empties the list and abandons running scans. */
    public void clear() {
        generation.incrementAndGet();
        known.clear();
        rows.clear();
    }

    public void shutdown() {
        generation.incrementAndGet();
        scans.shutdownNow();
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The given root a found file came from: the folder it was found in, or the file itself. */
    private static Path originOf(Path source, List<Path> roots) {
        for (Path r : roots) {
            if (source.startsWith(r)) return r;
        }
        return source;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return FileRow.UNKNOWN; // the batch reports unreadable files; the size column just stays empty
        }
    }
}
