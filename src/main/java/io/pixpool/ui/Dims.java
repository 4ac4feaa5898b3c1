package io.pixpool.ui;

/** Image dimensions shown in the table; sorts by pixel count, then width. */
public record Dims(int width, int height) implements Comparable<Dims> {

    public Dims {
        if (width < 0 || height < 0) throw new IllegalArgumentException("negative size " + width + "x" + height);
    }

    @Override
    public int compareTo(Dims o) {
        int c = Long.compare((long) width * height, (long) o.width * o.height);
        return c != 0 ? c : Integer.compare(width, o.width);
    }

    @Override
    public String toString() {
        return width + " \u00D7 " + height;
    }
}
