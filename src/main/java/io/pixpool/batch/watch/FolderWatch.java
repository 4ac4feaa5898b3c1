package io.pixpool.batch.watch;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A watch folder: an open {@link Batch} whose warm workers process the images arriving in the watched folders, with
 * the batch's recipe and guarantees (sources only read, outputs complete or absent, a bad file fails alone). The
 * batch's events go to the {@link BatchListener} as usual, each arrival starting with its {@code JobQueued}.
 *
 * <p>The output folder must not be a watched folder nor contain one (outputs would come back as inputs); when it lies
 * inside a watched folder it is left out of the watch. {@link #outputProblem} says so before anything starts.
 *
 * <p>{@link #stop()} stops watching and lets the files already taken finish; {@link #cancel()} stops everything
 * at once like a batch's cancel. Either way the batch ends with its {@code BatchFinished} and no worker is left.
 */
public final class FolderWatch {

    private final Batch batch;
    private final FolderWatcher watcher;

    private FolderWatch(Batch batch, FolderWatcher watcher) {
        this.batch = batch;
        this.watcher = watcher;
    }

    /**
     * Checks the folders and the output folder, starts the workers, takes stock of the folders (files there now are
     * old unless {@link WatchSettings#includeExisting()}) and starts watching.
     *
     * @throws IllegalArgumentException with a user-facing message when the folders do not fit (see
     *                                  {@link #outputProblem}, {@link #folderProblem})
     * @throws IOException              when the file system cannot be watched
     */
    public static FolderWatch start(WatchSettings watch, BatchSettings settings, BatchListener listener,
                                    WatchListener watchListener) throws IOException {
        Objects.requireNonNull(watchListener, "watchListener");
        String problem = folderProblem(watch.folders());
        if (problem == null) problem = outputProblem(watch.folders(), settings.outputRoot());
        if (problem != null) throw new IllegalArgumentException(problem);
        Path excluded = excludedOutput(watch.folders(), settings.outputRoot());
        Batch batch = Batch.startOpen(settings, listener);
        FolderWatcher watcher;
        try {
            watcher = new FolderWatcher(watch, excluded, f -> batch.submit(f).isPresent(), watchListener,
                    batch::acceptsInput, batch::closeInput);
            watcher.start();
        } catch (IOException | RuntimeException e) {
            batch.cancel();
            throw e;
        }
        return new FolderWatch(batch, watcher);
    }

    /** Why these folders cannot be watched (missing, not folders, one inside another), or null. */
    public static String folderProblem(List<Path> folders) {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) return f + " is not a folder" + (Files.exists(f) ? "" : " (not found)");
        }
        List<Path> real = folders.stream().map(FolderWatch::canonical).toList();
        for (int i = 0; i < real.size(); i++) {
            for (int j = 0; j < real.size(); j++) {
                if (i != j && real.get(i).startsWith(real.get(j))) {
                    return "watched folders must not be inside each other: " + folders.get(i) + " and " + folders.get(j);
                }
            }
        }
        return null;
    }

    /**
     * Why the output folder cannot go with these watched folders, or null: it must not be a watched folder nor
     * contain one, or outputs would be watched as new images. (Inside a watched folder is fine: it is left out.)
     */
    public static String outputProblem(List<Path> folders, Path outputRoot) {
        Path out = canonical(outputRoot);
        for (Path f : folders) {
            Path in = canonical(f);
            if (out.equals(in)) return "the output folder must not be the watched folder " + f;
            if (in.startsWith(out)) return "the output folder " + outputRoot + " must not contain the watched folder " + f;
        }
        return null;
    }

    /** The output folder when it lies inside a watched folder (it is then not watched), else null. */
    public static Path excludedOutput(List<Path> folders, Path outputRoot) {
        Path out = canonical(outputRoot);
        for (Path f : folders) {
            Path in = canonical(f);
            if (out.startsWith(in) && !out.equals(in)) {
                // the watcher walks the folder as given: name the output folder the same way
                return f.toAbsolutePath().normalize().resolve(in.relativize(out));
            }
        }
        return null;
    }

    /** The real path of {@code p}'s longest existing ancestor with the rest appended (symlinks and .. resolved). */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** Stops watching; files already taken are processed, then the batch ends. */
    public void stop() {
        watcher.close();
        batch.closeInput();
    }

    /** Stops watching and cancels the batch: running files are killed, only complete outputs remain. */
    public void cancel() {
        batch.cancel();
        watcher.close();
    }

    public void pause() {
        batch.pause();
    }

    public void resume() {
        batch.resume();
    }

    /** Whether new files are still being looked for. */
    public boolean isWatching() {
        return watcher.isRunning();
    }

    /** The batch the arrivals go to (its events are the listener's). */
    public Batch batch() {
        return batch;
    }

    /** Waits for the end: after {@link #stop()}, {@link #cancel()}, or the watch ending on its own. */
    public BatchSummary await() throws InterruptedException {
        BatchSummary s = batch.await();
        watcher.close();
        return s;
    }

    /** Like {@link #await()} with a limit; null if still running. */
    public BatchSummary await(Duration limit) throws InterruptedException {
        BatchSummary s = batch.await(limit);
        if (s != null) watcher.close();
        return s;
    }
}
