package io.pixpool.ui;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Collects a batch's events from the coordinator's threads without touching the UI: they wait in a queue until the
 * FX thread drains them in bulk, a few dozen times a second. Also holds how the batch ended when it ended without
 * its final event (it could not start, or waiting for it failed).
 */
final class EventCoalescer implements BatchListener {

    /** How a batch ended seen from outside its event stream: a summary, or an error message. */
    record Ending(BatchSummary summary, String error) {
    }

    private final ConcurrentLinkedQueue<BatchEvent> queue = new ConcurrentLinkedQueue<>();
    private volatile Ending ending;

    @Override
    public void onEvent(BatchEvent event) {
        queue.add(event);
    }

    void ended(BatchSummary summary) {
        ending = new Ending(summary, null);
    }

    void failed(String message) {
        ending = new Ending(null, message);
    }

    /** Null while the batch is still going (as far as anyone outside the event stream knows). */
    Ending ending() {
        return ending;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Hands queued events to {@code sink} in order until the queue is empty or {@code budgetNanos} have passed
     * (checked every 128 events), so one drain never holds the FX thread for long. Returns the number handed over.
     */
    int drain(Consumer<BatchEvent> sink, long budgetNanos) {
        long start = System.nanoTime();
        int n = 0;
        BatchEvent e;
        while ((e = queue.poll()) != null) {
            sink.accept(e);
            n++;
            if ((n & 127) == 0 && System.nanoTime() - start > budgetNanos) break;
        }
        return n;
    }
}
