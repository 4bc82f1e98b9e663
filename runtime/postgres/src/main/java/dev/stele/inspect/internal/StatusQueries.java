package dev.stele.inspect.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The statements on the projections, their checkpoints, parked events and stops, and the relays. */
public final class StatusQueries {

    /** A projection's row, its oldest checkpoint and its number of parked events. */
    public record Projection(String name, String slotName, int partitions, boolean caughtUp, long catchUpPosition,
            Lsn checkpoint, long parked) {
    }

    /** A relay's row. */
    public record Relay(String slotName, String publication) {
    }

    private final String projections;
    private final String relays;
    private final String stops;
    private final String parked;
    private final String currentLsn = "SELECT pg_current_wal_insert_lsn()::text";

    public StatusQueries(Tables t) {
        projections = "SELECT p.name, p.slot_name, p.partitions, p.caught_up, p.catch_up_position,"
                + " (SELECT min(c.lsn) FROM " + t.projectionCheckpoints + " c WHERE c.projection = p.name)::text,"
                + " (SELECT count(*) FROM " + t.parkedEvents + " e WHERE e.projection = p.name)"
                + " FROM " + t.projections + " p ORDER BY p.name";
        relays = "SELECT slot_name, publication FROM " + t.relays + " ORDER BY slot_name";
        stops = "SELECT projection, global_position, stream_category, stream_id, stream_version, event_id, event_name,"
                + " event_version, error, attempts, stopped_at FROM " + t.projectionStops;
        parked = "SELECT projection, global_position, stream_category, stream_id, stream_version, event_id, event_name,"
                + " event_version, error, attempts, parked_at FROM " + t.parkedEvents + " WHERE projection = ?"
                + " AND (?::uuid IS NULL OR event_id = ?) ORDER BY global_position";
    }

    public List<Projection> projections(Connection connection) throws SQLException {
        List<Projection> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(projections);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String checkpoint = rows.getString(6);
                found.add(new Projection(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBoolean(4),
                        rows.getLong(5), checkpoint == null ? Lsn.NONE : Lsn.parse(checkpoint), rows.getLong(7)));
            }
        }
        return found;
    }

    public List<Relay> relays(Connection connection) throws SQLException {
        List<Relay> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(relays);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(new Relay(rows.getString(1), rows.getString(2)));
            }
        }
        return found;
    }

    /** The recorded stops, by projection. */
    public Map<String, FailedEvent> stops(Connection connection) throws SQLException {
        Map<String, FailedEvent> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(stops);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                FailedEvent event = failedEvent(rows);
                found.put(event.projection(), event);
            }
        }
        return found;
    }

    /** The projection's parked events, oldest position first; only {@code eventId}'s unless it is null. */
    public List<FailedEvent> parked(Connection connection, String projection, UUID eventId) throws SQLException {
        List<FailedEvent> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(parked)) {
            statement.setString(1, projection);
            statement.setObject(2, eventId);
            statement.setObject(3, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(failedEvent(rows));
                }
            }
        }
        return found;
    }

    public Lsn currentLsn(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(currentLsn);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return Lsn.parse(rows.getString(1));
        }
    }

    private static FailedEvent failedEvent(ResultSet rows) throws SQLException {
        return new FailedEvent(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                rows.getLong(5), rows.getObject(6, UUID.class), rows.getString(7), rows.getInt(8), rows.getString(9),
                rows.getInt(10), StreamQueries.instant(rows, 11));
    }
}
