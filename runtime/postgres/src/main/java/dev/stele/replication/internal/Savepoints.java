package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Undoing one failed attempt of a handler inside a projection's transaction. */
public final class Savepoints {

    private Savepoints() {
    }

    /**
     * Rolls back to {@code savepoint} after {@code cause}; throws if that fails or the connection is gone, since
     * then the failure was the database's, not the event's.
     */
    public static void rollbackTo(Connection connection, Savepoint savepoint, Throwable cause) throws SQLException {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            e.addSuppressed(cause);
            throw e;
        }
        if (!connection.isValid(5)) {
            SQLException lost = new SQLException("the projection's database connection was lost");
            lost.addSuppressed(cause);
            throw lost;
        }
    }
}
