package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-transactional logical decoding message ({@value #PREFIX}) through the log: a slot reader that sees it
 * knows every commit before it was delivered, so with nothing pending it may confirm its LSN, and a slot whose
 * tables are idle still moves on with the log instead of holding it back.
 */
public final class Heartbeat {

    public static final String PREFIX = "stele.heartbeat";

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private Heartbeat() {
    }

    /** Writes one for {@code slotName}; a failure is logged, not thrown (the next one may pass). */
    public static void emit(DataSource dataSource, String slotName) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL 17 can flush it at once; before, it waits for the WAL writer (at most wal_writer_delay)
            boolean flush = connection.getMetaData().getDatabaseMajorVersion() >= 17;
            try (PreparedStatement statement = connection.prepareStatement(flush
                    ? "SELECT pg_logical_emit_message(false, ?, ?, true)" : "SELECT pg_logical_emit_message(false, ?, ?)")) {
                statement.setString(1, PREFIX);
                statement.setString(2, slotName);
                statement.execute();
            }
        } catch (SQLException e) {
            LOG.warn("Heartbeat for slot {} failed: {}", slotName, e.getMessage());
        }
    }
}
