package io.pixpool.core;

/** A per-file failure with a message meant for the user ("not an image", "truncated JPEG", ...). */
public class ImageException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
