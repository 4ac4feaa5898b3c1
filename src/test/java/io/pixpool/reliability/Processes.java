package io.pixpool.reliability;

import io.pixpool.protocol.WorkerLaunch;
import io.pixpool.testing.ProcessChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finding and waiting for processes. */
final class Processes {

    private Processes() {
    }

    /** Waits up to 10 s for each pid to be gone, then asserts it is. */
    static void assertAllGone(List<Long> pids) throws InterruptedException {
        ProcessChecks.assertAllGone(pids);
    }

    /**
     * Live worker processes of the coordinator {@code coordinatorPid}, found by their command line
     * ({@code ... io.pixpool.worker.WorkerMain --parent-pid PID} or {@code ... --pixpool-worker --parent-pid PID}),
     * so they are found even after the coordinator died and they were re-parented.
     */
    static List<ProcessHandle> workersOf(long coordinatorPid) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> isWorkerOf(arguments(h.pid()), coordinatorPid))
                .collect(Collectors.toList());
    }

    /**
     * The command line from /proc: {@code ProcessHandle.Info.arguments()} is empty when the command line is longer
     * than 4096 bytes, and a worker's class path alone often is.
     */
    private static Optional<List<String>> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException e) { // the process ended meanwhile: not a live worker
            return Optional.empty();
        }
    }

    private static boolean isWorkerOf(Optional<List<String>> args, long coordinatorPid) {
        if (args.isEmpty()) return false;
        List<String> a = args.get();
        int i = a.indexOf(WorkerLaunch.PARENT_PID);
        boolean worker = a.contains(WorkerLaunch.MAIN_CLASS) || a.contains(WorkerLaunch.LAUNCHER_FLAG);
        return worker && i >= 0 && i + 1 < a.size() && a.get(i + 1).equals(Long.toString(coordinatorPid));
    }
}
