package io.pixpool.batch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A class-data-sharing archive of the worker JVM's classes (AppCDS), kept in the user's cache folder and made by
 * the workers themselves: what JDK 19's {@code -XX:+AutoCreateSharedArchive} does, done by hand for JDK 17. When
 * the archive for this Java and this class path is missing, the first worker of a batch is started with
 * {@code -XX:ArchiveClassesAtExit=<temp file>}; when it has exited normally the temp file becomes the archive, and
 * every later worker starts with {@code -XX:SharedArchiveFile=<archive>}: the classes it loads at start-up (the
 * worker, the image pipeline, ImageIO, TwelveMonkeys, about 1,000 that are not in the JDK's own archive) are mapped
 * in ready-parsed instead of being read from jars and verified. Measured on 2 cores, {@code batch --workers 2}:
 * 10 photos 0.82 s -> 0.72 s, 114 photos 2.56 s -> 2.49 s; making the archive costs the first batch about 0.25 s
 * at its end (the dump, once).
 *
 * <p>Safe when things change: the archive's name is a hash of the Java runtime (its version, and its class image
 * and own archive by size and modification time), the worker's command and every class path entry's size and
 * modification time, so a new jar or JDK gets a new archive; a JVM that cannot use an archive anyway runs without
 * it (the workers run {@code -Xshare:auto}; its warning goes to stderr, see {@link WorkerCommand#VM_OUTPUT_TO_STDERR}).
 * The temp file is moved into place only after a worker's normal exit (a killed worker's half-written dump is
 * deleted), atomically, so a concurrent batch sees either no archive or a whole one. The three most recent archives
 * are kept.
 *
 * <p>Not used when a class path entry is a folder (the JVM archives classes from jars only: IDE and test runs); when
 * the folder cannot be made or takes no files (probed with the temp file before the worker starts: a JVM that cannot
 * write its dump exits with an error); for a day after a dump failed (a {@code .failed} marker); when its path has a
 * space and the options must go through {@code _JAVA_OPTIONS} (which the JVM splits at spaces); or when the system
 * property {@value #DIR_PROPERTY} is {@code off}. That property can also name the folder (default:
 * {@code $XDG_CACHE_HOME/pixpool/cds}, {@code ~/.cache/pixpool/cds}, {@code %LOCALAPPDATA%\Pixpool\cache\cds} on
 * Windows, {@code ~/Library/Caches/Pixpool/cds} on macOS).
 * Thread-safe: the slots of a batch share one.
 */
final class WorkerArchive {

    static final String DIR_PROPERTY = "pixpool.cds.dir";
    /** An archive that is never used: workers start without options of its own. */
    static final WorkerArchive NONE = new WorkerArchive(null);
    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(WorkerArchive.class.getName());
    }
    private static final String PREFIX = "worker-";
    private static final String SUFFIX = ".jsa";
    private static final int KEPT = 3;
    /** After a dump failed, no worker tries again for this long. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofDays(1);
    /** Temp dumps left by coordinators that died meanwhile are removed after this. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    private final Path archive;
    private final AtomicBoolean dumping = new AtomicBoolean();

    private WorkerArchive(Path archive) {
        this.archive = archive;
    }

    /** The options one worker starts with, and the temp dump to publish when it has exited (null: none). */
    record Lease(List<String> options, Path dump) {
        static final Lease NONE = new Lease(List.of(), null);
    }

    /** The archive for workers started by {@code command} in the folder the system property or the OS names. */
    static WorkerArchive of(WorkerCommand command) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && (dir.isBlank() || dir.equalsIgnoreCase("off"))) return NONE;
        Path folder = dir != null ? Path.of(dir) : defaultFolder();
        return folder == null ? NONE : in(folder, command);
    }

    /** The archive for workers started by {@code command}, in {@code folder}. */
    static WorkerArchive in(Path folder, WorkerCommand command) {
        String home = System.getProperty("java.home", "");
        List<String> key = new ArrayList<>(List.of(System.getProperty("java.vm.version", ""), home,
                command.command().get(0)));
        // the runtime's class image and its own archive, which a worker archive builds on: an update of the runtime
        // in place changes them even when the version string stays
        key.add(fileKey(Path.of(home, "lib", "modules").toString()));
        key.add(fileKey(Path.of(home, "lib", "server", "classes.jsa").toString()));
        for (String entry : classPath(command)) {
            if (Files.isDirectory(Path.of(entry))) return NONE; // classes from folders are never archived
            key.add(fileKey(entry));
        }
        Path archive = folder.toAbsolutePath().resolve(PREFIX + hash(key) + SUFFIX);
        // the launcher form, and any worker when the environment has _JAVA_OPTIONS, get the options in that variable,
        // which the JVM splits at spaces (see WorkerCommand#applyEnvironment)
        boolean viaVariable = command.viaAppLauncher() || System.getenv(WorkerCommand.JAVA_OPTIONS_ENV) != null;
        if (viaVariable && archive.toString().chars().anyMatch(Character::isWhitespace)) return NONE;
        return new WorkerArchive(archive);
    }

    /** Where the archive is (or will be); null for {@link #NONE}. */
    Path path() {
        return archive;
    }

    /**
     * The options for the next worker: use the archive when it exists; else, if no worker is making it yet and no
     * attempt failed lately, make it (pass the lease back to {@link #ended} when that worker has exited); else none.
     */
    Lease lease() {
        if (archive == null) return Lease.NONE;
        if (Files.isRegularFile(archive)) return new Lease(List.of("-XX:SharedArchiveFile=" + archive), null);
        if (!dumping.compareAndSet(false, true)) return Lease.NONE;
        Path dump = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".tmp");
        try {
            Files.createDirectories(archive.getParent());
            removeStaleTemps();
            if (failedLately()) return Lease.NONE;
            // the folder must take the file: a JVM that cannot write its dump exits with an error instead of 0
            Files.createFile(dump);
        } catch (IOException e) {
            log().log(Level.FINE, "no class-data archive for workers in {0}: {1}",
                    new Object[] {archive.getParent(), e.getMessage()});
            return Lease.NONE; // dumping stays claimed: no other worker of this batch tries
        }
        return new Lease(List.of("-XX:ArchiveClassesAtExit=" + dump), dump);
    }

    /**
     * The worker started with {@code lease} has exited, {@code exit} saying how (null: it never started): its dump
     * becomes the archive if it left by itself with exit code 0; else the dump is dropped, and when the worker failed
     * after saying goodbye (the dump itself failed: a full disk, say) no batch tries again for a day.
     */
    void ended(Lease lease, WorkerExit exit) {
        if (lease.dump() == null) return;
        Path dump = lease.dump();
        boolean normal = exit != null && exit.kill() == null && exit.exitCode() == 0;
        try {
            if (normal && Files.isRegularFile(dump) && Files.size(dump) > 0) {
                Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log().log(Level.FINE, "class-data archive for workers made: {0}", archive);
                pruneOld();
            } else {
                Files.deleteIfExists(dump);
                if (exit != null && exit.kill() == null && exit.saidGoodbye() && exit.exitCode() != 0) {
                    Files.writeString(failedMarker(), exit.lastOutput().toString());
                } else {
                    dumping.set(false); // killed or crashed with a job: a later worker of this batch may try again
                }
            }
        } catch (IOException e) {
            log().log(Level.FINE, "class-data archive for workers not kept: {0}", e.getMessage());
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // nothing more to do: a stale temp file is removed by a later batch
            }
        }
    }

    private Path failedMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    private boolean failedLately() {
        Path marker = failedMarker();
        return Files.exists(marker) && modified(marker).toInstant().isAfter(Instant.now().minus(RETRY_AFTER_FAILURE));
    }

    private void pruneOld() throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(archive.getParent(), PREFIX + "*" + SUFFIX)) {
            s.forEach(archives::add);
        }
        archives.sort((a, b) -> modified(b).compareTo(modified(a)));
        for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
            if (!old.equals(archive)) Files.deleteIfExists(old);
        }
    }

    private void removeStaleTemps() throws IOException {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(archive.getParent(), PREFIX + "*" + SUFFIX + ".*.tmp")) {
            for (Path p : s) {
                if (modified(p).toInstant().isBefore(before)) Files.deleteIfExists(p);
            }
        }
    }

    /** A file's path, size and modification time, or its name and "missing". */
    private static String fileKey(String file) {
        Path p = Path.of(file);
        try {
            return p.toAbsolutePath() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return file + "|missing";
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static List<String> classPath(WorkerCommand command) {
        List<String> c = command.command();
        int i = c.indexOf("-cp");
        String cp = i >= 0 && i + 1 < c.size() ? c.get(i + 1) : System.getProperty("java.class.path", "");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(e);
        }
        return entries;
    }

    /**
     * 64 bits of FNV-1a over the key's parts (a cache file name, not a security boundary: the JVM checks the archive
     * against the class path it is used with anyway). Not SHA-256: the first digest of a JVM's life starts its
     * security providers, about 20 ms on the way to spawning the workers.
     */
    static String hash(List<String> key) {
        long h = 0xcbf29ce484222325L;
        for (String k : key) {
            for (byte b : k.getBytes(StandardCharsets.UTF_8)) h = (h ^ (b & 0xFF)) * 0x100000001b3L;
            h = (h ^ 0xFF) * 0x100000001b3L; // a separator no UTF-8 text contains
        }
        return HexFormat.of().toHexDigits(h);
    }

    private static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            return local == null ? null : Path.of(local, "Pixpool", "cache", "cds");
        }
        if (os.startsWith("mac")) return home == null ? null : Path.of(home, "Library", "Caches", "Pixpool", "cds");
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "pixpool", "cds");
        return home == null ? null : Path.of(home, ".cache", "pixpool", "cds");
    }
}
