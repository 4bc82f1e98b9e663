package dev.stele.replication.internal;

import dev.stele.catalog.Catalog;
import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.ProjectionListener;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Applies a projection's parked events again after a fix: each in a transaction that also unparks it. */
public final class ParkedReplay {

    private final DataSource dataSource;
    private final Tables t;
    private final ProjectionTables tables;
    private final Catalog catalog;

    public ParkedReplay(DataSource dataSource, Tables t, ProjectionTables tables, Catalog catalog) {
        this.dataSource = dataSource;
        this.t = t;
        this.tables = tables;
        this.catalog = catalog;
    }

    /** Returns how many were applied; one that fails again stays parked, with its new error and one more attempt. */
    public int replay(ProjectionRun<?> run) throws SQLException {
        EventApplier applier = new EventApplier(catalog, run, tables, ProjectionListener.NONE);
        int replayed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (FailedEvent parked : tables.parked(connection, run.name())) {
                    connection.commit(); // the listing's transaction ends; each event has its own
                    if (parked.globalPosition() == 0) {
                        // a change of a @FromTable table: not in the events table, so there is nothing to read it
                        // again from; it stays parked for inspection until the projection is reset
                        continue;
                    }
                    if (apply(connection, applier, parked)) {
                        replayed++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return replayed;
    }

    private boolean apply(Connection connection, EventApplier applier, FailedEvent parked) throws SQLException {
        // claimed first: a replay running at the same time waits for this row, then finds it gone
        if (!tables.unpark(connection, parked.projection(), parked.eventId())) {
            connection.rollback();
            return false;
        }
        SourceEvent event = read(connection, parked);
        try {
            applier.apply(connection, event);
        } catch (Exception e) {
            connection.rollback();
            tables.park(connection, new FailedEvent(parked.projection(), parked.globalPosition(), parked.streamCategory(),
                    parked.streamId(), parked.streamVersion(), parked.eventId(), parked.eventName(),
                    parked.eventVersion(), EventApplier.describe(e), parked.attempts() + 1, Instant.now()));
            connection.commit();
            return false;
        }
        connection.commit();
        return true;
    }

    private SourceEvent read(Connection connection, FailedEvent parked) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT transaction_id::text, payload::text,"
                + " metadata::text, recorded_at FROM " + t.events + " WHERE event_id = ?")) {
            statement.setObject(1, parked.eventId());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("parked event " + parked.eventId() + " is no longer in " + t.events);
                }
                return new SourceEvent(parked.globalPosition(), Long.parseLong(rows.getString(1)), parked.eventId(),
                        parked.streamCategory(), parked.streamId(), parked.streamVersion(), parked.eventName(),
                        parked.eventVersion(), rows.getString(2), rows.getString(3), Lsn.NONE,
                        rows.getTimestamp(4).toInstant());
            }
        }
    }
}
