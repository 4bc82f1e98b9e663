package dev.stele.store.internal;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Server errors recognised by SQL state and constraint name, as the server reports them, never by message text. */
public final class ServerErrors {

    /** SQL state of a unique violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQL state of a deadlock the server broke by rolling back the transaction that reports it. */
    static final String DEADLOCK_DETECTED = "40P01";

    private ServerErrors() {
    }

    /** Whether {@code e}, or an exception it was caused by, is the server's report of a deadlock. */
    public static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DEADLOCK_DETECTED.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code e}, or an exception it was caused by, is the server's error {@code sqlState} on the
     * constraint {@code constraint} (its name unqualified, as the server reports it).
     */
    static boolean violates(SQLException e, String sqlState, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException server && sqlState.equals(server.getSQLState())) {
                ServerErrorMessage message = server.getServerErrorMessage();
                if (message != null && constraint.equals(message.getConstraint())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
