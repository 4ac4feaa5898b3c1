package io.pixpool.core;

/** Resampling quality; maps onto imgscalr's methods. The default, {@link #QUALITY}, shrinks in steps. */
public enum ScaleQuality {
    FAST("fast"),
    BALANCED("balanced"),
    QUALITY("high quality"),
    ULTRA("ultra quality");

    private final String label;

    ScaleQuality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
