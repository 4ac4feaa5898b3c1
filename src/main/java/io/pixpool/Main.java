package io.pixpool;

import io.pixpool.cli.BatchCommand;
import io.pixpool.protocol.WorkerLaunch;
import io.pixpool.ui.PixpoolApp;
import io.pixpool.worker.WorkerMain;
import java.util.Arrays;

/**
 * The one entry point of the jar and the installed launcher: {@code batch ...} runs headless, the worker flag runs
 * a worker process, {@code --help} and {@code --version} print and exit, anything else opens the window
 * (arguments are paths to preload). A plain class, not an Application, so the JavaFX runtime on the class path is
 * enough.
 */
public final class Main {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: pixpool [FILE|FOLDER...]            open the window, these files and folders in its list",
            "       pixpool batch [OPTIONS] INPUT... --out DIR",
            "                                          resize from the command line (pixpool batch --help)",
            "       pixpool --version", "");

    private Main() {
    }

    public static void main(String[] args) {
        String first = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (first.equals(WorkerLaunch.LAUNCHER_FLAG)) {
            WorkerMain.main(rest);
        } else if (first.equals("batch")) {
            skipGroovyLookup();
            System.exit(BatchCommand.run(rest));
        } else if (args.length == 1 && (first.equals("-h") || first.equals("--help"))) {
            System.out.print(USAGE);
        } else if (args.length == 1 && (first.equals("-V") || first.equals("--version"))) {
            skipGroovyLookup();
            System.exit(BatchCommand.run(new String[] {"--version"}));
        } else {
            PixpoolApp.launchWith(args);
        }
    }

    /**
     * picocli's default factory looks for Groovy ({@code Class.forName("groovy.lang.Closure")}) unless told not to:
     * a class that is not there is searched for in every jar of the class path, so the lookup opened the window's
     * jars (JavaFX, ControlsFX) in every headless run, 2-3 ms of reading their directories. With it off, and picocli
     * first on the jar's class path (pom.xml), the command line opens this jar and picocli's before it parses.
     */
    private static void skipGroovyLookup() {
        if (System.getProperty(PICOCLI_CLOSURES) == null) System.setProperty(PICOCLI_CLOSURES, "true");
    }

    static final String PICOCLI_CLOSURES = "picocli.disable.closures";
}
