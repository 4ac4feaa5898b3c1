package io.pixpool.batch;

/**
 * Receives a batch's events. Called on coordinator threads, possibly several at once: implementations must be
 * thread-safe and quick (e.g. put the event on a queue).
 */
@FunctionalInterface
public interface BatchListener {
    void onEvent(BatchEvent event);
}
