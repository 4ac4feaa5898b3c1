package io.pixpool.ui;

/** The main window's last size and place. x and y are NaN when unknown (let the platform place it). */
public record WindowState(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;

    public WindowState {
        if (!(width > 0) || !(height > 0)) throw new IllegalArgumentException("window size must be positive");
        width = Math.max(MIN_WIDTH, width);
        height = Math.max(MIN_HEIGHT, height);
    }

    public static WindowState defaults() {
        return new WindowState(Double.NaN, Double.NaN, 1280, 800, false);
    }
}
