package io.pixpool.worker;

import io.pixpool.protocol.WorkerLaunch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * Entry point of a worker process. Reads job frames on stdin, answers on stdout, logs on stderr; see
 * {@link io.pixpool.protocol.WireFormat}. The real stdout is kept for frames only and {@code System.out} is pointed
 * at stderr, so a stray {@code println} anywhere (a library, a plugin) cannot corrupt the protocol.
 *
 * <p>The worker leaves by itself when its stdin closes (after a {@code Goodbye} frame) and when the coordinator
 * process named by {@code --parent-pid} (default: the parent process) is gone, so killing the coordinator, even with
 * {@code kill -9}, leaves no orphans.
 *
 * <p>Exit codes: {@value #EXIT_OK} stdin closed, {@value #EXIT_PROTOCOL} bad frame or bad arguments,
 * {@value #EXIT_OUT_OF_MEMORY} out of memory (after reporting it), {@value #EXIT_PARENT_GONE} coordinator gone,
 * {@value #EXIT_PIPE} cannot write to the coordinator.
 */
public final class WorkerMain {

    public static final int EXIT_OK = 0;
    public static final int EXIT_PROTOCOL = 2;
    public static final int EXIT_OUT_OF_MEMORY = 3;
    public static final int EXIT_PARENT_GONE = 4;
    public static final int EXIT_PIPE = 5;

    /** Looked up when there is something to log: the first logger starts java.util.logging, ~20 ms in a fresh JVM. */
    private static Logger log() {
        return Logger.getLogger(WorkerMain.class.getName());
    }

    private WorkerMain() {
    }

    public static void main(String[] args) {
        OutputStream frames = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(System.err);
        long parentPid;
        try {
            parentPid = parentPid(args);
        } catch (IllegalArgumentException e) {
            log().severe(e.getMessage());
            System.exit(EXIT_PROTOCOL);
            return;
        }
        ignoreInterrupt();
        ImageIO.setUseCache(false); // encode in memory: no stray cache files in java.io.tmpdir
        long pid = ProcessHandle.current().pid();
        JobRunner runner = new JobRunner(pid);
        ParentWatch.start(parentPid, () -> {
            log().log(Level.WARNING, "coordinator {0} is gone; worker {1} exits", new Object[] {parentPid, pid});
            runner.removeJobTempFiles();
            runner.removeUnplacedResults();
            runner.removeWarmUpFolder();
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        });
        int code = new WorkerLoop(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), frames,
                runner).run();
        System.exit(code);
    }

    /**
     * Ctrl+C in a terminal interrupts every process of the foreground group, the workers too. What happens to the
     * batch is the coordinator's call (the CLI cancels it and lets the files being made finish or be cleaned up; a
     * worker also leaves when its coordinator is gone), so a worker ignores it: before, a worker could die with
     * its file half done and be reported as crashed (exit 130) while the batch was being cancelled.
     */
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException noSuchSignal) {
            // a platform without SIGINT has nothing to ignore
        }
    }

    static long parentPid(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(WorkerLaunch.PARENT_PID)) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(WorkerLaunch.PARENT_PID + " needs a pid");
                try {
                    return Long.parseLong(args[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad pid '" + args[i + 1] + "'", e);
                }
            }
        }
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
