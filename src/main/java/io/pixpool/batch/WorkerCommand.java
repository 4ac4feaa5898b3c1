package io.pixpool.batch;

import io.pixpool.protocol.WorkerLaunch;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line that starts one worker process, built from how this JVM was started (see {@link WorkerLaunch}):
 * the same {@code java} and class path, plus the worker JVM options. Inside a jpackage app the runtime's own
 * {@code bin/java} is used when the runtime has one (the packaging keeps it): the app launcher, the fallback, costs
 * 0.13 s more per worker start on Linux, where it asks {@code rpm -qf} and {@code dpkg -S} (and, installed from a
 * package, {@code dpkg -L}) where it lives, twice, before it starts the JVM (JDK 17's LinuxPackage.c).
 *
 * <p>Worker JVM options: {@code -Xmx<heap>m}, the serial collector (one job at a time needs no parallel GC threads
 * and keeps the footprint small), class data sharing, headless AWT, no perf-data file, and a JIT chosen by how
 * much input each worker will get ({@link #jitOptions}). Measured end to end with {@code batch --workers 2 --fit
 * 500x500} on the 114-photo corpus (2 cores): the C1 JIT only ({@code -XX:TieredStopAtLevel=1}) 2.5 s wall / 4.4 s
 * CPU against 3.3 s / 5.9 s with the default tiered C1+C2 (C2's compile threads compete with the workers for
 * longer than its better code pays back on a short batch). Tiered with C2's thresholds raised tenfold (only the
 * decoder's and resampler's loops get that hot; its compiled loops then run 30% faster) measured against C1 only:
 * 28% more wall time at 57 files per worker, 10% more at 114, 5% more at 171, but 8% less at 500 (1,000 files,
 * 16.7 s against 18.1 s) when first measured; since C1's code got faster the crossing is at about 300 MB of input
 * a worker ({@link #C2_BYTES_PER_WORKER}), from which it is used, and for open-ended pools (watch folders), whose
 * workers live long. With C1 only, compiles are synchronous ({@code -Xbatch}): a method
 * that reaches the threshold waits the millisecond its C1 compile takes instead of running on in the interpreter
 * while the compiler thread waits for a core (both are busy): 114 photos 2.335 -> 2.295 s, 10 photos 0.666 ->
 * 0.660 s (medians of 6-8 interleaved runs, the same CPU time); not with C2, whose compiles take tens of ms.
 * Their hot loops are compiled after a tenth of the usual iterations ({@link #C1_BACK_EDGE_THRESHOLD}).
 * The class-data archive of the worker's classes is added per worker by {@link WorkerArchive}. Extra options for
 * experiments can be given in the system property {@code pixpool.worker.jvmOptions} (space separated, after ours,
 * so they win).
 *
 * <p>The worker's stdout carries the protocol's frames only, so the JVM is told to write its own messages (unified
 * logging, which defaults to stdout, and VM warnings) to stderr: a warning such as "unable to use shared archive"
 * on stdout would otherwise be read as a bad frame and no worker would start.
 *
 * <p>An inherited {@code _JAVA_OPTIONS} would override command-line options (the JVM reads it last), so when
 * there is one, the worker options are appended to it too: the worker heap bound always holds.
 *
 * @param command    the program and its arguments, without the trailing parent pid
 * @param jvmOptions the worker JVM options (in {@code command} too, unless started through an app launcher)
 */
record WorkerCommand(List<String> command, List<String> jvmOptions) {

    static final String EXTRA_OPTIONS_PROPERTY = "pixpool.worker.jvmOptions";
    static final String JAVA_OPTIONS_ENV = "_JAVA_OPTIONS";
    /**
     * Set by a jpackage launcher for its own second stage; a launcher that inherits it takes its arguments as the
     * JVM's (and a Windows launcher never does), so workers never inherit it: they are started as the application.
     */
    static final String JPACKAGE_LAUNCHER_ENV = "_JPACKAGE_LAUNCHER";

    /** JVM options that keep the JVM's own messages off stdout, the protocol channel (see the class). */
    static final List<String> VM_OUTPUT_TO_STDERR =
            List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr");

    WorkerCommand {
        command = List.copyOf(command);
        jvmOptions = List.copyOf(jvmOptions);
        if (command.isEmpty()) throw new IllegalArgumentException("empty worker command");
    }

    /**
     * Loop iterations a method runs in the interpreter before C1 compiles it (on-stack replacement), for the C1-only
     * workers: a tenth of the JVM's 60,000. The decoder's and resizer's kernels are called a few times per photo (a
     * scan, a group of rows) and loop over a whole picture, so a fresh worker ran each one's first 60,000
     * iterations interpreted; JFR saw the interpreter in 7% of a fresh worker's samples, most of them in those
     * kernels. Only the loop count is lowered: lower invocation thresholds compile more of the start-up code too,
     * which costs more than it saves (measured before, and again: 1.77 -> 1.815 s). Measured end to end, interleaved
     * medians of 15-20 against the default: 114 photos 1.825 -> 1.766 s (CPU 3.52 -> 3.40 s), 16 photos 0.551 ->
     * 0.533 s, the --big corpus 0.817 -> 0.785 s; 2,000 to 20,000 measured alike.
     */
    static final int C1_BACK_EDGE_THRESHOLD = 6000;

    /**
     * From this many bytes of input per worker on, workers run tiered C1+C2 with raised C2 thresholds (see the
     * class). Input bytes, not files: C2's compiles cost about the same for any batch, while what its faster code
     * saves grows with the work, and the input's size follows the work far better than a count of files (the two
     * kinds of photos below cross at the same bytes a worker, at 100 and at about 500 files). Measured on 2 cores,
     * {@code --workers 2}, C1 only against tiered (interleaved medians): 600 photos of the 114-photo corpus (163 MB a
     * worker) 7.03 against 7.53 s, 800 (217 MB) 9.57 against 9.79 s, 1,000 (272 MB) 11.65 against 11.82 s; 200 of
     * the 12-27 MP --big photos (270 MB a worker) 7.89 against 7.91 s; 2,000 of the corpus (544 MB) 22.91 against
     * 22.47 s; 600 --big photos (810 MB) 22.74 against 21.04 s. The old rule, 300 files a worker, gave the tiered
     * JIT to the first three and C1 alone to big photos up to 299 a worker.
     */
    static final long C2_BYTES_PER_WORKER = 300_000_000L;

    /** The command for this JVM with the given worker heap, for workers with a short batch (C1 JIT only). */
    static WorkerCommand forCurrentProcess(int heapMb) {
        return forCurrentProcess(heapMb, 1);
    }

    /**
     * The command for this JVM with the given worker heap, for workers that will each get about
     * {@code bytesPerWorker} bytes of input files (0 or less: unknown, an open-ended pool).
     */
    static WorkerCommand forCurrentProcess(int heapMb, long bytesPerWorker) {
        String appLauncher = System.getProperty("jpackage.app-path");
        String running = ProcessHandle.current().info().command().orElse(null);
        String extra = System.getProperty(EXTRA_OPTIONS_PROPERTY, "");
        List<String> options = jvmOptions(heapMb, extra, bytesPerWorker);
        if (appLauncher != null) {
            String runtimeJava = runtimeJava();
            if (runtimeJava == null) return forAppLauncher(appLauncher, options);
            // the launcher's own JVM options (its .cfg) do not reach a worker started this way: pass the one that
            // matters to a worker on
            List<String> withEncoding = new ArrayList<>(options);
            withEncoding.add(0, "-Dfile.encoding=" + System.getProperty("file.encoding", "UTF-8"));
            return forJava(runtimeJava, System.getProperty("java.class.path"), withEncoding);
        }
        return forJava(javaExecutable(running), System.getProperty("java.class.path"), options);
    }

    static List<String> jvmOptions(int heapMb, String extra) {
        return jvmOptions(heapMb, extra, 1);
    }

    static List<String> jvmOptions(int heapMb, String extra, long bytesPerWorker) {
        List<String> o = new ArrayList<>(List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Xshare:auto"));
        o.addAll(jitOptions(bytesPerWorker));
        o.addAll(List.of("-XX:-UsePerfData", "-Djava.awt.headless=true"));
        o.addAll(VM_OUTPUT_TO_STDERR);
        Arrays.stream(extra.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(o::add);
        return o;
    }

    /**
     * The JIT for workers that each get about {@code bytesPerWorker} bytes of input (0 or less: unknown,
     * long-lived): C1 only for short batches; tiered C1+C2 with C2's invocation, compile and back-edge thresholds
     * raised about tenfold for long ones, so C2 compiles only the hot pixel loops and not the whole start-up path.
     */
    static List<String> jitOptions(long bytesPerWorker) {
        if (bytesPerWorker > 0 && bytesPerWorker < C2_BYTES_PER_WORKER) {
            return List.of("-XX:TieredStopAtLevel=1", "-Xbatch",
                    "-XX:Tier3BackEdgeThreshold=" + C1_BACK_EDGE_THRESHOLD);
        }
        return List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=20000",
                "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=1000000");
    }

    /** {@code java <options> -cp <class path> io.pixpool.worker.WorkerMain}. */
    static WorkerCommand forJava(String java, String classPath, List<String> options) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(options);
        c.add("-cp");
        c.add(absoluteClassPath(classPath));
        c.add(WorkerLaunch.MAIN_CLASS);
        return new WorkerCommand(c, options);
    }

    /** {@code <launcher> --pixpool-worker}, options in {@code _JAVA_OPTIONS}. */
    static WorkerCommand forAppLauncher(String launcher, List<String> options) {
        return new WorkerCommand(List.of(launcher, WorkerLaunch.LAUNCHER_FLAG), options);
    }

    /**
     * This command with {@code more} JVM options after its own (before {@code -cp}; in {@code _JAVA_OPTIONS} for the
     * launcher form).
     */
    WorkerCommand withOptions(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(more);
        if (viaAppLauncher()) return new WorkerCommand(command, options);
        int cp = command.indexOf("-cp");
        List<String> c = new ArrayList<>(command);
        c.addAll(cp < 0 ? 1 : cp, more);
        return new WorkerCommand(c, options);
    }

    boolean viaAppLauncher() {
        return command.size() == 2 && command.get(1).equals(WorkerLaunch.LAUNCHER_FLAG);
    }

    /** A process builder for a worker supervised by {@code parentPid}; stdin and stdout are pipes. */
    ProcessBuilder builder(long parentPid) {
        List<String> c = new ArrayList<>(command);
        c.add(WorkerLaunch.PARENT_PID);
        c.add(Long.toString(parentPid));
        ProcessBuilder pb = new ProcessBuilder(c);
        applyEnvironment(pb.environment());
        return pb;
    }

    /** Adjusts a copy of this process's environment for a worker. */
    void applyEnvironment(Map<String, String> env) {
        env.remove(JPACKAGE_LAUNCHER_ENV);
        String inherited = env.get(JAVA_OPTIONS_ENV);
        if (viaAppLauncher() || inherited != null) {
            String mine = String.join(" ", jvmOptions);
            env.put(JAVA_OPTIONS_ENV, inherited == null || inherited.isBlank() ? mine : inherited.trim() + " " + mine);
        }
    }

    /** This runtime's {@code bin/java}, or null when it has none (a jlinked runtime without native commands). */
    private static String runtimeJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : null;
    }

    private static String javaExecutable(String running) {
        if (running != null) {
            String name = Path.of(running).getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe")) return running;
        }
        String java = runtimeJava();
        if (java != null) return java;
        return running != null ? running : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
