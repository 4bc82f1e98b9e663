package dev.stele;

/**
 * Base of every error Stele raises. Each subclass names what was wrong and where (event, version,
 * field, stream, position) in typed accessors, not only in its message.
 */
public abstract class SteleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected SteleException(String message) {
        super(message);
    }

    protected SteleException(String message, Throwable cause) {
        super(message, cause);
    }
}
