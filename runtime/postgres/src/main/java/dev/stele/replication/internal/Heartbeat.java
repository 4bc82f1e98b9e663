package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-transactional logical decoding messages ({@value #PREFIX}) through the log, now and then: a slot reader
 * that sees one knows every commit before it was delivered, so with nothing pending it may confirm its LSN, and
 * a slot whose tables are idle still moves on with the log instead of holding it back. Each is written on a
 * thread of its own, so a database refusing connections does not stall the reading.
 */
public final class Heartbeat {

    public static final String PREFIX = "stele.heartbeat";

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final DataSource dataSource;
    private final String slotName;
    private final long intervalNanos;
    private final String threadName;
    private long last;
    private volatile boolean beating;

    /** Heartbeats for {@code slotName} every {@code interval} ({@link Duration#ZERO}: none). */
    public Heartbeat(DataSource dataSource, String slotName, Duration interval, String threadName) {
        this.dataSource = dataSource;
        this.slotName = slotName;
        this.intervalNanos = interval.toNanos();
        this.threadName = threadName;
    }

    /** Writes one in the background if the interval passed since the last and none is being written. */
    public void maybeBeat(long nowNanos) {
        if (intervalNanos == 0 || nowNanos - last <= intervalNanos) {
            return;
        }
        last = nowNanos;
        if (beating) {
            return;
        }
        beating = true;
        Thread beat = new Thread(() -> {
            try {
                emit();
            } finally {
                beating = false;
            }
        }, threadName);
        beat.setDaemon(true);
        beat.start();
    }

    private void emit() {
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
