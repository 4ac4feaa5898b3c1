package io.pixpool.cli;

import picocli.CommandLine.Option;

/** The {@code batch} options of a watch folder (a picocli mixin of {@link BatchOptions}); raw values only. */
final class WatchOptions {

    @Option(names = "--watch",
            description = "Keep running: process the images arriving in the INPUT folders (and their subfolders, also "
                    + "new ones) as they arrive, until Ctrl-C. Images already there are left alone unless --existing.")
    boolean watch;

    @Option(names = "--existing", description = "With --watch: also process the images already in the folders.")
    boolean existing;

    @Option(names = "--settle", paramLabel = "SECONDS",
            description = "With --watch: a new file is processed once its size and time stayed the same this long "
                    + "(default 2).")
    String settle;

    @Option(names = "--rescan", paramLabel = "SECONDS",
            description = "With --watch: also look through the folders this often, for changes the system did not "
                    + "report, e.g. on network shares (default 5).")
    String rescan;
}
