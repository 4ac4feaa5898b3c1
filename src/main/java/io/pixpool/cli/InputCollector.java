package io.pixpool.cli;

import io.pixpool.core.InputFile;
import io.pixpool.core.InputScanner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Turns the INPUT arguments into the files to process and tells the user what was left out: scan problems
 * (always, they are errors), non-image files and earlier outputs (unless quiet).
 */
final class InputCollector {

    /** @param problems how many paths could not be read (the batch then ends with exit status 1) */
    record Collected(List<InputFile> images, int problems) {
    }

    private static final int EXAMPLES = 3;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;

    InputCollector(PrintStream err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal && !quiet;
        this.quiet = quiet;
    }

    Collected collect(List<Path> roots, Path outputRoot, BooleanSupplier cancelled) throws UsageException {
        InputScanner.Result r = new InputScanner().scan(roots, this::showProgress, cancelled);
        if (terminal) err.print("\r" + " ".repeat(40) + "\r");
        r.problems().forEach(p -> err.println("warning: " + p));
        if (!quiet && !r.nonImages().isEmpty()) {
            err.println("ignored " + plural(r.nonImages().size(), "file") + " not named as images: "
                    + examples(r.nonImages()));
        }
        List<InputFile> images = withoutEarlierOutputs(r.images(), roots, outputRoot);
        int earlier = r.images().size() - images.size();
        if (!quiet && earlier > 0) {
            err.println("ignored " + plural(earlier, "image") + " inside the output folder " + outputRoot);
        }
        if (images.isEmpty() && !cancelled.getAsBoolean()) {
            throw new UsageException("no images found in " + (roots.size() == 1 ? roots.get(0) : "the inputs")
                    + (r.nonImages().isEmpty() ? "" : " (" + plural(r.nonImages().size(), "file") + " not named as images)"));
        }
        return new Collected(images, r.problems().size());
    }

    private void showProgress(long entries) {
        if (terminal && entries > 0) {
            err.print("\rscanning: " + entries + " files");
            err.flush();
        }
    }

    /**
     * When the output folder lies inside an input folder, the files found below it there are earlier outputs, not
     * inputs. Files named one by one are always kept.
     */
    static List<InputFile> withoutEarlierOutputs(List<InputFile> images, List<Path> roots, Path outputRoot) {
        Path out = outputRoot.toAbsolutePath().normalize();
        Set<Path> named = new HashSet<>();
        boolean outInsideInput = false;
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isDirectory(r)) {
                outInsideInput |= out.startsWith(r) && !out.equals(r);
            } else {
                named.add(r);
            }
        }
        if (!outInsideInput) return images;
        List<InputFile> kept = new ArrayList<>(images.size());
        for (InputFile f : images) {
            if (!f.source().startsWith(out) || named.contains(f.source())) kept.add(f);
        }
        return kept;
    }

    private static String examples(List<Path> paths) {
        String shown = paths.stream().limit(EXAMPLES).map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", "));
        return paths.size() > EXAMPLES ? shown + ", ..." : shown;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
