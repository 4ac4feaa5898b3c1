package io.pixpool.cli;

/** The headless {@code batch} command. SKELETON: implemented with the CLI work. */
public final class BatchCommand {
    private BatchCommand() {
    }

    /** Runs the command and returns its exit code (0 all done/skipped, 1 any failed, 2 bad usage). */
    public static int run(String[] args) {
        System.err.println("batch: not implemented yet");
        return 2;
    }
}
