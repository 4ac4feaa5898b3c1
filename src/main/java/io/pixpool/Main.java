package io.pixpool;

import io.pixpool.cli.BatchCommand;
import io.pixpool.protocol.WorkerLaunch;
import io.pixpool.ui.PixpoolApp;
import io.pixpool.worker.WorkerMain;
import java.util.Arrays;

/**
 * The one entry point of the jar and the installed launcher: {@code batch ...} runs headless, the worker flag runs
 * a worker process, anything else opens the window (arguments are paths to preload). A plain class, not an
 * Application, so the JavaFX runtime on the class path is enough.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String first = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (first.equals(WorkerLaunch.LAUNCHER_FLAG)) {
            WorkerMain.main(rest);
        } else if (first.equals("batch")) {
            System.exit(BatchCommand.run(rest));
        } else {
            PixpoolApp.launchWith(args);
        }
    }
}
