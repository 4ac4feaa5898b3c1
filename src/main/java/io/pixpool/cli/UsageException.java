package io.pixpool.cli;

/** Bad command-line usage: the message is shown as one line, followed by a hint; exit code 2, nothing processed. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
