package dev.stele.store;

import dev.stele.SteleException;
import java.sql.SQLException;

/** A database error, with the operation and stream it happened in; the {@link SQLException} is the cause. */
public class EventStoreException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    public EventStoreException(String operation, Object subject, SQLException cause) {
        super(operation + (subject == null ? "" : " " + subject) + " failed: " + cause.getMessage()
                + (cause.getSQLState() == null ? "" : " (SQL state " + cause.getSQLState() + ")"), cause);
        this.operation = operation;
    }

    public EventStoreException(String operation, String problem) {
        super(operation + " failed: " + problem);
        this.operation = operation;
    }

    /** What was being done: {@code append to order-o-1}, {@code read $all}, {@code migrate}. */
    public String operation() {
        return operation;
    }

    /**
     * Whether running the same work again in a new transaction can succeed: true for a
     * {@link DeadlockException}; false for other errors, which a retry would meet again.
     */
    public boolean retryable() {
        return false;
    }

    /** The database's SQL state, if a database error caused this. */
    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
