package dev.stele.replication;

import dev.stele.SteleException;

/** Projections cannot run as configured, or their slot cannot be read: says what happened and what to do. */
public class ReplicationException extends SteleException {

    private static final long serialVersionUID = 1L;

    public ReplicationException(String message) {
        super(message);
    }

    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
