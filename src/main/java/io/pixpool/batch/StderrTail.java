package io.pixpool.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains a worker's stderr on its own daemon thread, so a chatty worker never blocks on a full pipe. Every line
 * goes to the {@code io.pixpool.worker} log at FINE; the last few lines are kept (bounded) to explain a crash.
 */
final class StderrTail {

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger("io.pixpool.worker");
    }
    private static final int MAX_LINES = 20;
    private static final int MAX_LINE_CHARS = 400;

    private final ArrayDeque<String> lines = new ArrayDeque<>(MAX_LINES);
    private final String name;
    private final Thread thread;

    private StderrTail(InputStream stderr, String name) {
        this.name = name;
        this.thread = new Thread(() -> drain(stderr), "pixpool-stderr-" + name);
        thread.setDaemon(true);
    }

    static StderrTail start(InputStream stderr, String name) {
        StderrTail t = new StderrTail(stderr, name);
        t.thread.start();
        return t;
    }

    private void drain(InputStream stderr) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, Charset.defaultCharset()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                log().log(Level.FINE, "{0}: {1}", new Object[] {name, line});
                keep(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
            }
        } catch (IOException e) {
            log().log(Level.FINE, name + ": stderr closed: " + e.getMessage());
        }
    }

    private synchronized void keep(String line) {
        if (lines.size() == MAX_LINES) lines.removeFirst();
        lines.addLast(line);
    }

    /** Waits (bounded) until the stream has ended, i.e. the process's last words are in. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized boolean mentions(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }
}
