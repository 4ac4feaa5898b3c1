package io.pixpool.core;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a scan in a child process and prints its result one item a line ({@code image:PATH|RELDIR},
 * {@code other:PATH}, {@code problem:MESSAGE}); lets a test scan with privileges the test JVM does not have.
 */
public final class ScanProbe {

    private ScanProbe() {
    }

    public static void main(String[] args) {
        List<Path> roots = Arrays.stream(args).map(Path::of).collect(Collectors.toList());
        InputScanner.Result r = new InputScanner().scan(roots, n -> { }, () -> false);
        r.images().forEach(f -> System.out.println("image:" + f.source() + "|" + f.relativeDir()));
        r.nonImages().forEach(p -> System.out.println("other:" + p));
        r.problems().forEach(p -> System.out.println("problem:" + p));
    }
}
