package io.pixpool.cli;

import io.pixpool.batch.watch.FolderWatch;
import io.pixpool.batch.watch.WatchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Turns {@link WatchOptions} into {@link WatchSettings}, or null without {@code --watch}. No side effects. */
final class WatchOptionsMapper {

    private WatchOptionsMapper() {
    }

    static WatchSettings map(WatchOptions o, List<Path> inputs, Path outputRoot) throws UsageException {
        if (!o.watch) {
            String stray = o.existing ? "--existing" : o.settle != null ? "--settle" : o.rescan != null ? "--rescan" : null;
            if (stray != null) throw new UsageException(stray + " only goes with --watch");
            return null;
        }
        List<Path> folders = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        String problem = FolderWatch.folderProblem(folders);
        if (problem == null) problem = FolderWatch.outputProblem(folders, outputRoot);
        if (problem != null) throw new UsageException("--watch: " + problem);
        WatchSettings w = WatchSettings.of(folders).withIncludeExisting(o.existing);
        if (o.settle != null) w = w.withSettle(seconds("--settle", o.settle, Duration.ZERO));
        if (o.rescan != null) w = w.withRescan(seconds("--rescan", o.rescan, Duration.ofMillis(100)));
        return w;
    }

    private static Duration seconds(String option, String value, Duration min) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": expected seconds such as 2 or 0.5, got '" + value + "'");
        }
        Duration d = v >= 0 && v <= 86_400 ? Duration.ofMillis(Math.round(v * 1000)) : null;
        if (d == null || d.compareTo(min) < 0) {
            throw new UsageException(option + ": must be " + min.toMillis() / 1000.0 + " to 86400 seconds, was " + value);
        }
        return d;
    }
}
