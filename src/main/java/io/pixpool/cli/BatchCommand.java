package io.pixpool.cli;

import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.WorkerHeap;
import io.pixpool.batch.watch.WatchSettings;
import io.pixpool.core.InputFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The headless {@code batch} command: parse and validate (exit 2 on bad usage, before anything is touched), scan the
 * inputs, run the batch on the worker pool while printing progress, write the report, print the summary.
 */
public final class BatchCommand {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private static final String HINT = "Try 'pixpool batch --help' for more information.";
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    private BatchCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Runs the command and returns its exit code (0 all done/skipped, 1 any failed, 2 bad usage). */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.console() != null);
    }

    /**
     * @param out      where --help and --version go
     * @param err      progress, warnings, failures, summary
     * @param terminal whether {@code err} is a terminal (draws the progress bar)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return new BatchCommand(out, err, terminal).execute(args);
    }

    private int execute(String[] args) {
        WorkerHeap.prefetch(); // read while the command line is parsed: the default worker heap needs it
        BatchOptions options = new BatchOptions();
        CommandLine cl = new CommandLine(options);
        BatchRequest request;
        WatchSettings watch;
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return EXIT_OK;
            }
            if (cl.isVersionHelpRequested()) {
                cl.printVersionHelp(out);
                return EXIT_OK;
            }
            if (options.look.listPresets) {
                LookOptions.printPresets(out);
                return EXIT_OK;
            }
            request = OptionsMapper.map(options);
            checkReportPath(request.report());
            watch = WatchOptionsMapper.map(options.watch, request.inputs(), request.settings().outputRoot());
        } catch (ParameterException | UsageException e) {
            return usageError(e.getMessage());
        }
        try (CancelOnInterrupt interrupt = CancelOnInterrupt.install(err, CANCEL_GRACE)) {
            return watch == null ? process(request, interrupt) : new WatchRun(err).run(request, watch, interrupt);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
    }

    private int process(BatchRequest req, CancelOnInterrupt interrupt) throws UsageException {
        Path outRoot = req.settings().outputRoot();
        InputCollector.Collected in = new InputCollector(err, terminal, req.quiet())
                .collect(req.inputs(), outRoot, interrupt::interrupted);
        if (interrupt.interrupted()) return EXIT_FAILED;
        createOutputFolder(outRoot);
        List<InputFile> images = in.images();
        CsvReport report = req.report() == null ? null : new CsvReport(images);
        ProgressPrinter progress = new ProgressPrinter(err, images, terminal, req.quiet(), System::nanoTime);
        BatchListener listener = report == null ? progress : e -> {
            report.onEvent(e);
            progress.onEvent(e);
        };
        BatchSummary summary;
        try (Writer reportOut = report == null ? null : openReport(req.report())) {
            Batch batch = Batch.start(req.settings(), images, listener);
            interrupt.attach(batch);
            summary = await(batch);
            if (reportOut != null) report.write(reportOut);
        } catch (IOException e) {
            progress.printLine("error: cannot write report " + req.report() + ": " + reason(e));
            return EXIT_FAILED;
        }
        progress.finish(summary);
        return summary.success() && in.problems() == 0 ? EXIT_OK : EXIT_FAILED;
    }

    private static BatchSummary await(Batch batch) {
        try {
            return batch.await();
        } catch (InterruptedException e) {
            batch.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch", e);
        }
    }

    /** The report is written at the end: refuse a path that cannot be written before anything is processed. */
    private static void checkReportPath(Path report) throws UsageException {
        if (report == null) return;
        if (Files.isDirectory(report)) throw new UsageException("--report: " + report + " is a folder");
        Path parent = report.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("--report: folder " + parent + " does not exist");
        }
    }

    static Writer openReport(Path report) throws UsageException {
        try {
            return Files.newBufferedWriter(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--report: cannot write " + report + ": " + reason(e));
        }
    }

    static void createOutputFolder(Path dir) throws UsageException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("--out: " + dir + " exists and is not a folder");
        } catch (IOException e) {
            throw new UsageException("--out: cannot create folder " + dir + ": " + reason(e));
        }
    }

    /** The OS's reason without the path repeated (FileSystemException messages start with the path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private int usageError(String message) {
        err.println("pixpool batch: " + message);
        err.println(HINT);
        return EXIT_USAGE;
    }
}
