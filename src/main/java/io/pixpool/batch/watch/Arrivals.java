package io.pixpool.batch.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decides when a file seen in a watched folder is complete: its size and modification time must stay the same for
 * the settle time, as seen by repeated looks. Remembers what was handed on (and in which state), so a file is
 * processed once, and again only when it changes afterwards (a new version under the same name). Pure bookkeeping:
 * the caller looks at the files and says what time it is. One thread only.
 */
final class Arrivals {

    /** What a look at a file found: its size and modification time (any unit, compared for equality). */
    record Stamp(long size, long modified) {
    }

    private record Candidate(Stamp stamp, long since) {
    }

    private final long settleNanos;
    private final Map<Path, Candidate> waiting = new HashMap<>();
    private final Map<Path, Stamp> handled = new HashMap<>();

    Arrivals(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /** A file that was there before the watch began and is not to be processed unless it changes. */
    void baseline(Path file, Stamp stamp) {
        handled.put(file, stamp);
    }

    /** A look at {@code file} at {@code now}; a file not handled yet (or changed since) starts or resets its wait. */
    void seen(Path file, Stamp stamp, long now) {
        if (stamp.equals(handled.get(file))) return;
        Candidate c = waiting.get(file);
        if (c == null || !c.stamp().equals(stamp)) waiting.put(file, new Candidate(stamp, now));
    }

    /** The file is gone (deleted or renamed away): forget it. */
    void gone(Path file) {
        waiting.remove(file);
        handled.remove(file);
    }

    /** Forgets every file at or below {@code dir} (a folder that was removed). */
    void goneBelow(Path dir) {
        waiting.keySet().removeIf(p -> p.startsWith(dir));
        handled.keySet().removeIf(p -> p.startsWith(dir));
    }

    /** Files waiting to settle. */
    List<Path> waiting() {
        return new ArrayList<>(waiting.keySet());
    }

    boolean isWaiting(Path file) {
        return waiting.containsKey(file);
    }

    /** Whether a waiting file has kept its stamp for the settle time at {@code now}. */
    boolean settled(Path file, long now) {
        Candidate c = waiting.get(file);
        return c != null && now - c.since() >= settleNanos;
    }

    /** The file was handed on for processing in state {@code stamp}. */
    void handled(Path file, Stamp stamp) {
        waiting.remove(file);
        handled.put(file, stamp);
    }

    /** Forgets handled files not in {@code present} below {@code root} (a rescan did not find them). */
    void retainHandled(Path root, java.util.Set<Path> present) {
        for (Iterator<Path> it = handled.keySet().iterator(); it.hasNext(); ) {
            Path p = it.next();
            if (p.startsWith(root) && !present.contains(p)) it.remove();
        }
    }
}
