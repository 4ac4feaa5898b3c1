package io.pixpool.ui;

import java.util.List;
import java.util.Objects;

/**
 * Something the window tells the user once (a pop-up notification), with optional lines to look at or copy.
 *
 * @param failures true when {@code details} are failed files (the window then offers to show them)
 */
public record Notice(Kind kind, String title, String text, List<String> details, boolean failures) {

    public enum Kind { INFO, WARNING, ERROR }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = Objects.requireNonNullElse(text, "");
        details = List.copyOf(details);
    }

    public Notice(Kind kind, String title, String text, List<String> details) {
        this(kind, title, text, details, false);
    }

    public static Notice info(String title, String text) {
        return new Notice(Kind.INFO, title, text, List.of());
    }
}
