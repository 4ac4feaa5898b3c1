package io.pixpool.ui;

/** What the window's batch is doing. Settings and the file list are locked in every state but {@link #IDLE}. */
public enum RunState {
    IDLE("ready"),
    RUNNING("running"),
    PAUSED("paused"),
    CANCELLING("cancelling");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isBusy() {
        return this != IDLE;
    }
}
