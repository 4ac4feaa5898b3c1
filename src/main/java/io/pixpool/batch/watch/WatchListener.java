package io.pixpool.batch.watch;

import java.nio.file.Path;

/** What a watch reports besides the batch's events. Called on the watcher thread; keep it quick. */
public interface WatchListener {

    /** A file arrived that is not processed: {@code reason} says why (e.g. "not an image"). Once per file. */
    void ignored(Path file, String reason);

    /** Something about the watch itself, for the user: a folder that cannot be read, a watched folder gone. */
    void problem(String message);

    /** A listener that drops everything. */
    static WatchListener none() {
        return new WatchListener() {
            @Override public void ignored(Path file, String reason) { }
            @Override public void problem(String message) { }
        };
    }
}
