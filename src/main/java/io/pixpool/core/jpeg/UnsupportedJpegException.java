package io.pixpool.core.jpeg;

/**
 * A valid JPEG this decoder does not handle (arithmetic coding, 12-bit, lossless, hierarchical, CMYK/YCCK, RGB);
 * the caller should use another decoder.
 */
public final class UnsupportedJpegException extends JpegException {

    private static final long serialVersionUID = 1L;

    public UnsupportedJpegException(String message) {
        super(message);
    }
}
