package io.pixpool.core.jpeg;

/** The JPEG data is truncated or corrupt; the message says what was wrong, in a few words. */
public class JpegException extends Exception {

    private static final long serialVersionUID = 1L;

    public JpegException(String message) {
        super(message);
    }
}
