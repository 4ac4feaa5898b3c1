package io.pixpool.ui;

import java.util.Locale;

/**
 * Where one file of the list stands. Each state carries its label, icon glyph and style class; the legal
 * transitions live here and nowhere else. A finished file goes back to {@link #QUEUED} only when it is run again.
 */
public enum RowStatus {
    QUEUED("queued", "\u25CB"),      // white circle
    RUNNING("running", "\u25B6"),    // play triangle
    DONE("done", "\u2714"),          // check mark
    FAILED("failed", "\u2716"),      // heavy cross
    SKIPPED("skipped", "\u21B7"),    // clockwise arrow
    CANCELLED("cancelled", "\u2013"); // en dash

    private final String label;
    private final String icon;

    RowStatus(String label, String icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    /** CSS style class of cells showing this status, e.g. {@code status-done}. */
    public String styleClass() {
        return "status-" + name().toLowerCase(Locale.ROOT);
    }

    /** True for the states a file ends a batch in. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == SKIPPED || this == CANCELLED;
    }

    /**
     * Whether a file in this state may move to {@code next}. A queued file may start or end in any way (an end can
     * overtake its start event, and staying queued is allowed because the batch announces every file); a running
     * file ends or goes back to the queue for another attempt; a finished file only goes back to the queue when it
     * is run again, so a late event never overwrites how a file ended.
     */
    public boolean canMoveTo(RowStatus next) {
        switch (this) {
            case QUEUED:
                return true;
            case RUNNING:
                return next != RUNNING;
            default:
                return next == QUEUED;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
