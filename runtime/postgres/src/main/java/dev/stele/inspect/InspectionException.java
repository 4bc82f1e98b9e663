package dev.stele.inspect;

import dev.stele.SteleException;

/** An inspection that could not be done: a database error, with what was being read; the cause is the error. */
public class InspectionException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    public InspectionException(String operation, String message, Throwable cause) {
        super(operation + " failed: " + message, cause);
        this.operation = operation;
    }

    /** What was being read: {@code read the streams}, {@code replay order-o-1}, {@code read the status}. */
    public String operation() {
        return operation;
    }
}
