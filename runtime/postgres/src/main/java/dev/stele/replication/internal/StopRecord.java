package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down the poison event a projection stopped on ({@code stele_projection_stops}), so a process that only
 * reads the database sees the stop; the runner's {@code status()} knows it already.
 */
final class StopRecord {

    private static final Logger LOG = LoggerFactory.getLogger(StopRecord.class);

    private StopRecord() {
    }

    /**
     * Records {@code run}'s stop in a transaction of its own on {@code connection} (not in autocommit mode, its
     * failed work rolled back). A failure is logged, not raised: the projection is stopped either way.
     */
    static void write(Connection connection, ProjectionTables tables, ProjectionRun<?> run) {
        if (run.stoppedOn() == null) {
            return;
        }
        try {
            tables.recordStop(connection, run.stoppedOn());
            connection.commit();
        } catch (SQLException e) {
            LOG.warn("Projection {} stopped on {}; recording the stop failed: {}", run.name(), run.stoppedOn(),
                    e.getMessage());
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the session fails on its next use
            }
        }
    }
}
