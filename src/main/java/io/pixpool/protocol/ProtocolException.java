package io.pixpool.protocol;

import java.io.IOException;

/** The other side sent something that is not a valid frame of this protocol version. */
public class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
