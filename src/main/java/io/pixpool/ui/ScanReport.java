package io.pixpool.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The notice after a scan: how many images were added, and what was left out and why. */
final class ScanReport {

    private static final int NAMES_IN_TEXT = 3;

    private ScanReport() {
    }

    static Notice of(int added, int duplicates, List<Path> nonImages, List<String> problems) {
        List<String> parts = new ArrayList<>();
        if (duplicates > 0) parts.add(duplicates + (duplicates == 1 ? " was" : " were") + " already in the list");
        if (!nonImages.isEmpty()) {
            parts.add(nonImages.size() + " not " + (nonImages.size() == 1 ? "an image" : "images") + ": "
                    + names(nonImages));
        }
        if (!problems.isEmpty()) parts.add(problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + problems.get(0));
        List<String> details = new ArrayList<>();
        nonImages.forEach(p -> details.add("not an image: " + p));
        details.addAll(problems);
        String title = added == 0 ? "No images added" : "Added " + added + (added == 1 ? " image" : " images");
        Notice.Kind kind = !problems.isEmpty() || (added == 0 && duplicates == 0) ? Notice.Kind.WARNING
                : nonImages.isEmpty() ? Notice.Kind.INFO : Notice.Kind.WARNING;
        return new Notice(kind, title, String.join("; ", parts), details);
    }

    private static String names(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(NAMES_IN_TEXT, paths.size()); i++) {
            if (i > 0) sb.append(", ");
            sb.append(paths.get(i).getFileName());
        }
        if (paths.size() > NAMES_IN_TEXT) sb.append(", \u2026");
        return sb.toString();
    }
}
