package io.pixpool.batch.watch;

import io.pixpool.core.InputFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches folders and their subfolders (including ones created later) and hands on each new image once it is
 * complete (see {@link Arrivals}). File-system events ({@link WatchService}) make it quick; a walk of every folder
 * each {@link WatchSettings#rescan()} catches what the events missed (overflow, network shares, polling
 * implementations). One subfolder may be left out: the output folder when it lies inside a watched folder.
 *
 * <p>Runs on its own daemon thread from {@link #start()} until {@link #close()}, until {@code keepGoing} says no, or
 * until a watched folder disappears. All file bookkeeping happens on that thread.
 */
final class FolderWatcher implements AutoCloseable {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(FolderWatcher.class.getName());
    }

    private final WatchSettings settings;
    private final Path excluded;
    private final Predicate<InputFile> sink;
    private final WatchListener listener;
    private final BooleanSupplier keepGoing;
    private final Runnable ended;
    private final WatchService service;
    private final Arrivals arrivals;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    /** Folders registered with the service (rescans register only new ones). */
    private final Set<Path> registered = new HashSet<>();
    private final Set<Path> reportedIgnored = new HashSet<>();
    private final Set<String> reportedProblems = new HashSet<>();
    private final Thread thread;
    private final long tickMillis;
    /** False: rely on rescans alone (what a file system without working events amounts to; for tests). */
    private boolean events = true;
    private volatile boolean closed;

    /**
     * @param excluded  a folder inside a watched folder that is not watched (the output folder), or null
     * @param sink      takes each arrived image; false when it takes no more (the watch then ends)
     * @param keepGoing polled every tick; false ends the watch
     * @param ended     run on the watcher thread when the watch ends, for whatever reason
     */
    FolderWatcher(WatchSettings settings, Path excluded, Predicate<InputFile> sink, WatchListener listener,
                  BooleanSupplier keepGoing, Runnable ended) throws IOException {
        this.settings = settings;
        this.excluded = excluded;
        this.sink = sink;
        this.listener = listener;
        this.keepGoing = keepGoing;
        this.ended = ended;
        this.arrivals = new Arrivals(settings.settle().toNanos());
        this.tickMillis = Math.max(20, Math.min(250, settings.settle().toMillis() / 4));
        this.service = settings.folders().get(0).getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "pixpool-watch");
        thread.setDaemon(true);
    }

    /** Ignores file-system events, so only the rescans find files (tests of the fallback). Before {@link #start}. */
    FolderWatcher withoutEvents() {
        events = false;
        return this;
    }

    /**
     * Registers every folder and takes stock of what is there (on the calling thread, so files created after this
     * returns are new), then starts watching.
     */
    void start() {
        for (Path root : settings.folders()) walk(root, root, !settings.includeExisting(), System.nanoTime());
        thread.start();
    }

    /** Stops watching and waits for the watcher thread; files not yet handed on are dropped. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            listener.problem("cannot stop watching cleanly: " + e.getMessage());
        }
        if (Thread.currentThread() != thread && thread.isAlive()) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        long nextRescan = System.nanoTime() + settings.rescan().toNanos();
        try {
            while (!closed && keepGoing.getAsBoolean()) {
                WatchKey key = service.poll(tickMillis, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                boolean overflow = false;
                while (key != null) {
                    overflow |= handle(key, now);
                    key = service.poll();
                }
                if (overflow || now - nextRescan >= 0) {
                    if (!rescan(now)) return;
                    nextRescan = now + settings.rescan().toNanos();
                }
                if (!handOnSettled(System.nanoTime())) return;
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // close() was called: the watch is over
        } catch (RuntimeException e) {
            log().log(Level.SEVERE, "the folder watch failed", e);
            listener.problem("stopped watching: internal error: " + e);
        } finally {
            closed = true;
            try {
                service.close();
            } catch (IOException e) {
                listener.problem("cannot stop watching cleanly: " + e.getMessage());
            }
            ended.run();
        }
    }

    /** Handles one folder's events; true when events were lost (overflow) and a rescan is due. */
    private boolean handle(WatchKey key, long now) {
        Path dir = keys.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                overflow = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                arrivals.gone(child);
                arrivals.goneBelow(child);
            } else if (Files.isDirectory(child)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) walk(rootOf(child), child, false, now);
            } else {
                look(rootOf(child), child, false, now);
            }
        }
        if (!key.reset()) registered.remove(keys.remove(key));
        return overflow;
    }

    private Path rootOf(Path p) {
        for (Path root : settings.folders()) {
            if (p.startsWith(root)) return root;
        }
        return p.getParent();
    }

    /** Walks every watched folder again; false when one of them is gone (the watch then ends). */
    private boolean rescan(long now) {
        for (Path root : settings.folders()) {
            if (!Files.isDirectory(root)) {
                listener.problem("the watched folder " + root + " is gone; stopped watching");
                return false;
            }
            Set<Path> present = walk(root, root, false, now);
            arrivals.retainHandled(root, present);
        }
        return true;
    }

    /**
     * Registers {@code dir} and its subfolders and looks at every file below it; returns the image files found.
     * {@code asBaseline}: the files are already there at the start and not to be processed unless they change.
     */
    private Set<Path> walk(Path root, Path dir, boolean asBaseline, long now) {
        Set<Path> found = new HashSet<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (excluded != null && d.equals(excluded)) return FileVisitResult.SKIP_SUBTREE;
                    if (!d.equals(root) && d.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    register(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (look(root, file, asBaseline, now)) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) problemOnce("cannot read " + file + ": " + reason(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problemOnce("cannot read folder " + dir + ": " + reason(e));
        }
        return found;
    }

    private void register(Path dir) {
        if (!events || registered.contains(dir)) return;
        try {
            registered.add(dir);
            keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE), dir);
        } catch (NoSuchFileException gone) {
            registered.remove(dir); // removed while we walked: nothing to watch
        } catch (ClosedWatchServiceException stopping) {
            registered.remove(dir); // close() came first
        } catch (IOException e) {
            registered.remove(dir);
            problemOnce("cannot watch folder " + dir + ": " + reason(e));
        }
    }

    /** Looks at one file; true when it is an image file that is there. */
    private boolean look(Path root, Path file, boolean asBaseline, long now) {
        if (excluded != null && file.startsWith(excluded)) return false;
        ArrivalNames.Kind kind = ArrivalNames.classify(file.getFileName().toString());
        if (kind == ArrivalNames.Kind.TEMPORARY) return false;
        Arrivals.Stamp stamp = stamp(file);
        if (stamp == null) {
            arrivals.gone(file);
            return false;
        }
        if (kind == ArrivalNames.Kind.NOT_IMAGE) {
            if (!asBaseline && reportedIgnored.add(file)) listener.ignored(file, "not an image");
            return false;
        }
        if (asBaseline) {
            arrivals.baseline(file, stamp);
        } else {
            arrivals.seen(file, stamp, now);
        }
        return true;
    }

    /** Hands on every file that kept its size and time for the settle time; false when the sink takes no more. */
    private boolean handOnSettled(long now) {
        for (Path file : arrivals.waiting()) {
            Arrivals.Stamp stamp = stamp(file);
            if (stamp == null) {
                arrivals.gone(file);
                continue;
            }
            arrivals.seen(file, stamp, now); // a change restarts the wait
            if (!arrivals.settled(file, now)) continue;
            // a writer holding the file exclusively (Windows) makes it wait; a plain permission problem does not:
            // the file then fails in its worker with a clear message
            if (!readable(file) && Files.isReadable(file)) continue;
            Path root = rootOf(file);
            arrivals.handled(file, stamp);
            if (closed || !sink.test(new InputFile(file, root.relativize(file.getParent())))) return false;
        }
        return true;
    }

    /** A regular file's size and time, or null when it is not (any more) a regular file. */
    private static Arrivals.Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) return null;
            return new Arrivals.Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the file opens for reading (a writer holding it exclusively, as on Windows, makes it wait). */
    private static boolean readable(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void problemOnce(String message) {
        if (reportedProblems.add(message)) listener.problem(message);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no longer exists";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
