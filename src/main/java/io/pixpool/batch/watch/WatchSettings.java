package io.pixpool.batch.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How folders are watched.
 *
 * @param folders         the watched folders (their subfolders too, including ones created later)
 * @param includeExisting also process the images already there at the start (default: only new ones)
 * @param settle          how long a new file must keep its size and modification time before it is processed
 * @param rescan          how often every folder is walked again, for events the file system did not report
 */
public record WatchSettings(List<Path> folders, boolean includeExisting, Duration settle, Duration rescan) {

    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(5);

    public WatchSettings {
        folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(rescan, "rescan");
        if (folders.isEmpty()) throw new IllegalArgumentException("no folder to watch");
        if (settle.isNegative()) throw new IllegalArgumentException("settle time must not be negative");
        if (rescan.toMillis() < 100) throw new IllegalArgumentException("rescan interval must be at least 0.1 s");
    }

    /** Watches {@code folders} for new images only, with the default settle time and rescan interval. */
    public static WatchSettings of(List<Path> folders) {
        return new WatchSettings(folders, false, DEFAULT_SETTLE, DEFAULT_RESCAN);
    }

    public WatchSettings withIncludeExisting(boolean b) { return new WatchSettings(folders, b, settle, rescan); }
    public WatchSettings withSettle(Duration d) { return new WatchSettings(folders, includeExisting, d, rescan); }
    public WatchSettings withRescan(Duration d) { return new WatchSettings(folders, includeExisting, settle, d); }
}
