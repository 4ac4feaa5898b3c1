package io.pixpool.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code batch} command as its own JVM: {@code [prefix...] java [jvm...] -cp CP io.pixpool.Main batch ARGS}. */
final class Cli {

    /** Setpriv prefix that keeps root but drops the capabilities that bypass file permissions. */
    static final List<String> NO_DAC_OVERRIDE = List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search");

    record Run(int exit, String stderr) {
    }

    private final Path logDir;
    private List<String> prefix = List.of();
    private List<String> jvm = List.of();
    private int runs;

    Cli(Path logDir) {
        this.logDir = logDir;
    }

    Cli prefix(List<String> p) {
        this.prefix = List.copyOf(p);
        return this;
    }

    Cli jvm(String... options) {
        this.jvm = List.of(options);
        return this;
    }

    /** Starts the command; stdout and stderr go to files in the log folder (see {@link #stderrOf}). */
    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.pixpool.Main", "batch"));
        cmd.addAll(Arrays.asList(args));
        runs++;
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(logDir.resolve("stdout-" + runs + ".txt").toFile())
                .redirectError(logDir.resolve("stderr-" + runs + ".txt").toFile());
        pb.environment().put("LC_ALL", "C.UTF-8"); // file names are UTF-8 bytes whatever the CI locale
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    String stderrOf(int run) throws IOException {
        return Files.readString(logDir.resolve("stderr-" + run + ".txt"), StandardCharsets.UTF_8);
    }

    /** Runs to the end (at most {@code seconds}); on timeout kills it and its workers and fails. */
    Run run(int seconds, String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("batch did not end within " + seconds + " s: " + stderrOf(runs));
        }
        return new Run(p.exitValue(), stderrOf(runs));
    }

    /** The rows of a --report file (RFC 4180: quoted fields with doubled quotes, LF line ends), header dropped. */
    static List<List<String>> reportRows(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty() || !String.join(",", rows.get(0)).equals("source,status,output,width,height,millis,message,bytes,quality")) {
            throw new AssertionError("not a report: " + text);
        }
        return rows.subList(1, rows.size());
    }
}
