package io.pixpool.core;

import java.util.Locale;

/** Where a mark sits on the image: a 3x3 grid of corners, edge middles and the centre. */
public enum Anchor {
    TOP_LEFT(0, 0), TOP(1, 0), TOP_RIGHT(2, 0),
    LEFT(0, 1), CENTER(1, 1), RIGHT(2, 1),
    BOTTOM_LEFT(0, 2), BOTTOM(1, 2), BOTTOM_RIGHT(2, 2);

    private final int column;
    private final int row;

    Anchor(int column, int row) {
        this.column = column;
        this.row = row;
    }

    /** The command-line and settings name: {@code top-left}, {@code center}, {@code bottom-right}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A readable label: "top left", "centre", ... */
    public String label() {
        return this == CENTER ? "centre" : name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static Anchor fromId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (s.equals("centre") || s.equals("middle")) return CENTER;
        for (Anchor a : values()) {
            if (a.id().equals(s)) return a;
        }
        throw new IllegalArgumentException("expected a position such as top-left, center or bottom-right, got '" + id + "'");
    }

    /** Left edge of an item {@code item} pixels wide on a canvas {@code canvas} wide, {@code margin} from the edge. */
    public int x(int canvas, int item, int margin) {
        return place(column, canvas, item, margin);
    }

    /** Top edge of an item {@code item} pixels high on a canvas {@code canvas} high, {@code margin} from the edge. */
    public int y(int canvas, int item, int margin) {
        return place(row, canvas, item, margin);
    }

    private static int place(int cell, int canvas, int item, int margin) {
        switch (cell) {
            case 0: return margin;
            case 1: return (canvas - item) / 2;
            default: return canvas - item - margin;
        }
    }
}
