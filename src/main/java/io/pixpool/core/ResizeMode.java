package io.pixpool.core;

/** How the source size maps to the output size. */
public enum ResizeMode {
    /** Keep the source size (filters and format conversion only). */
    NONE("original size"),
    /** Fit inside width x height, keeping the aspect ratio. */
    FIT("fit inside"),
    /** Exactly width x height, stretching if the aspect ratio differs. */
    EXACT("exact (stretch)"),
    /** Cover width x height keeping the aspect ratio, then centre-crop to exactly width x height. */
    FILL("fill and crop"),
    /** Given width, height follows the aspect ratio. */
    WIDTH("width"),
    /** Given height, width follows the aspect ratio. */
    HEIGHT("height"),
    /** A percentage of the source size. */
    PERCENT("percent"),
    /** The longer side becomes the given length. */
    LONG_EDGE("long edge");

    private final String label;

    ResizeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsWidth() {
        return this == FIT || this == EXACT || this == FILL || this == WIDTH || this == LONG_EDGE;
    }

    public boolean needsHeight() {
        return this == FIT || this == EXACT || this == FILL || this == HEIGHT;
    }
}
