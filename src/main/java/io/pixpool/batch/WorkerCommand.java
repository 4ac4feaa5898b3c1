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
 * the same {@code java} and class path, or the same jpackage launcher, plus the worker JVM options.
 *
 * <p>Worker JVM options: {@code -Xmx<heap>m}, the serial collector (one job at a time needs no parallel GC threads
 * and keeps the footprint small), class data sharing, headless AWT and no perf-data file. The JIT is left at its
 * default (tiered C1 then C2): measured on the photo corpus with 2 workers, C1 only ({@code -XX:TieredStopAtLevel=1})
 * says hello about 60 ms sooner and used ~10% less CPU on a 50-image batch, break-even at ~110 images and ~10%
 * more CPU at 340 images, where C2's code for the pixel loops pays off; workers are long-lived and batches big,
 * so C2 stays. Extra options for experiments can be given in the system property
 * {@code pixpool.worker.jvmOptions} (space separated, after ours, so they win).
 *
 * @param command     the program and its arguments, without the trailing parent pid
 * @param javaOptions JVM options passed through {@code _JAVA_OPTIONS} (launcher mode), or empty
 */
record WorkerCommand(List<String> command, String javaOptions) {

    static final String EXTRA_OPTIONS_PROPERTY = "pixpool.worker.jvmOptions";
    static final String JAVA_OPTIONS_ENV = "_JAVA_OPTIONS";

    WorkerCommand {
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("empty worker command");
    }

    /** The command for this JVM with the given worker heap. */
    static WorkerCommand forCurrentProcess(int heapMb) {
        String appLauncher = System.getProperty("jpackage.app-path");
        String running = ProcessHandle.current().info().command().orElse(null);
        String extra = System.getProperty(EXTRA_OPTIONS_PROPERTY, "");
        List<String> options = jvmOptions(heapMb, extra);
        if (appLauncher != null) {
            return forAppLauncher(appLauncher, options, System.getenv(JAVA_OPTIONS_ENV));
        }
        return forJava(javaExecutable(running), System.getProperty("java.class.path"), options);
    }

    static List<String> jvmOptions(int heapMb, String extra) {
        List<String> o = new ArrayList<>(List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-UsePerfData", "-Djava.awt.headless=true"));
        Arrays.stream(extra.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(o::add);
        return o;
    }

    /** {@code java <options> -cp <class path> io.pixpool.worker.WorkerMain}. */
    static WorkerCommand forJava(String java, String classPath, List<String> options) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(options);
        c.add("-cp");
        c.add(absoluteClassPath(classPath));
        c.add(WorkerLaunch.MAIN_CLASS);
        return new WorkerCommand(c, "");
    }

    /** {@code <launcher> --pixpool-worker}, options in {@code _JAVA_OPTIONS} after any the user set. */
    static WorkerCommand forAppLauncher(String launcher, List<String> options, String inheritedJavaOptions) {
        String mine = String.join(" ", options);
        String all = inheritedJavaOptions == null || inheritedJavaOptions.isBlank() ? mine
                : inheritedJavaOptions.trim() + " " + mine; // later options win
        return new WorkerCommand(List.of(launcher, WorkerLaunch.LAUNCHER_FLAG), all);
    }

    /** A process builder for a worker supervised by {@code parentPid}; stdin and stdout are pipes. */
    ProcessBuilder builder(long parentPid) {
        List<String> c = new ArrayList<>(command);
        c.add(WorkerLaunch.PARENT_PID);
        c.add(Long.toString(parentPid));
        ProcessBuilder pb = new ProcessBuilder(c);
        Map<String, String> env = pb.environment();
        if (!javaOptions.isEmpty()) env.put(JAVA_OPTIONS_ENV, javaOptions);
        return pb;
    }

    private static String javaExecutable(String running) {
        if (running != null) {
            String name = Path.of(running).getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe")) return running;
        }
        Path home = Path.of(System.getProperty("java.home"), "bin");
        Path java = home.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        return Files.isExecutable(java) || running == null ? java.toString() : running;
    }

    private static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
