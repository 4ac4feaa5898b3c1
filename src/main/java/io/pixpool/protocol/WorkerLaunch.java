package io.pixpool.protocol;

/**
 * How a worker process is started: the names both the coordinator (which builds the command line) and the launchers
 * (which recognise it) agree on.
 *
 * <ul>
 *   <li>From a JVM started by {@code java} (plain jar, IDE, tests): {@code java <jvm options> -cp <class path>
 *       io.pixpool.worker.WorkerMain --parent-pid <pid>}.</li>
 *   <li>From a jpackage app whose runtime has a {@code bin/java} (the packaging keeps one): that {@code java}, as
 *       above, with the app's class path.</li>
 *   <li>From a jpackage launcher whose runtime has no {@code java} (the launcher passes every argument to the
 *       application's main class): {@code <launcher> --pixpool-worker --parent-pid <pid>}, with the JVM options in the
 *       {@code _JAVA_OPTIONS} environment variable (read by the JVM itself); {@code io.pixpool.Main} hands the
 *       arguments to the worker entry. The launcher's own {@code _JPACKAGE_LAUNCHER} variable is not passed on:
 *       a Linux launcher that inherits it would take the arguments as JVM options.</li>
 * </ul>
 */
public final class WorkerLaunch {

    /** The worker's main class. */
    public static final String MAIN_CLASS = "io.pixpool.worker.WorkerMain";
    /** First argument that makes {@code io.pixpool.Main} run a worker instead of the window. */
    public static final String LAUNCHER_FLAG = "--pixpool-worker";
    /** Followed by the coordinator's pid; the worker exits when that process is gone. */
    public static final String PARENT_PID = "--parent-pid";

    private WorkerLaunch() {
    }
}
