package io.pixpool.batch;

/** A worker process could not be started or did not say hello; the message is short and user-facing. */
final class WorkerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
