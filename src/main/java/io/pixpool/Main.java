package io.pixpool;

import java.util.Arrays;

/**
 * The one entry point of the jar and the installed launcher: {@code batch ...} runs headless, the worker entry runs
 * a worker process, anything else opens the window (arguments are paths to preload). A plain class, not an
 * Application, so the JavaFX runtime on the class path is enough.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(io.pixpool.protocol.WorkerLaunch.LAUNCHER_FLAG)) {
            io.pixpool.worker.WorkerMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("batch")) {
            System.exit(io.pixpool.cli.BatchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            io.pixpool.ui.PixpoolApp.launchWith(args);
        }
    }
}
