package io.pixpool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support: runs a main class from the test class path in a child JVM, optionally behind a wrapper command
 * (e.g. setpriv). Kept outside the layer packages, so tests of the pure core can use a process without the core
 * depending on one.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code wrapper... java -cp <class path> main args...}; returns stdout and stderr; fails unless exit 0. */
    public static String run(List<String> wrapper, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not end: " + cmd);
        }
        if (p.exitValue() != 0) throw new AssertionError("child JVM exit " + p.exitValue() + ": " + out);
        return out;
    }
}
