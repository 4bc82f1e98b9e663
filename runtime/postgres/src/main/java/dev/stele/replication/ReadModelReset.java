package dev.stele.replication;

import java.sql.Connection;
import java.sql.SQLException;

/** Clears a projection's read model, in the transaction that also forgets its checkpoints. */
@FunctionalInterface
public interface ReadModelReset {

    /** Deletes or truncates the projection's tables through {@code connection}; do not commit it. */
    void clear(Connection connection) throws SQLException;
}
