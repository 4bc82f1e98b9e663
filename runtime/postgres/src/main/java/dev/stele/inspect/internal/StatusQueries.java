package dev.stele.inspect.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.store.internal.Tables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** The statements on the projections, their checkpoints, parked events and stops, and the relays. */
public final class StatusQueries {

    /**
     * A projection's row, its oldest checkpoint and its number of parked events, and the current version of its
     * projection name (with when it became current) if one is.
     */
    public record Projection(String name, String slotName, int partitions, boolean caughtUp, long catchUpPosition,
            Lsn checkpoint, long parked, String projectionName, int version, OptionalInt currentVersion,
            Optional<Instant> switchedAt, String catchUpSnapshot) {
    }

    /** A relay's row. */
    public record Relay(String slotName, String publication) {
    }

    private final String projections;
    private final String unversionedProjections;
    private final String catchUpCount;
    private final String relays;
    private final String stops;
    private final String parked;
    private final String currentLsn = "SELECT pg_current_wal_insert_lsn()::text";

    public StatusQueries(Tables t) {
        String common = "SELECT p.name, p.slot_name, p.partitions, p.caught_up, p.catch_up_position,"
                + " (SELECT min(c.lsn) FROM " + t.projectionCheckpoints + " c WHERE c.projection = p.name)::text,"
                + " (SELECT count(*) FROM " + t.parkedEvents + " e WHERE e.projection = p.name),"
                + " p.catch_up_snapshot::text, ";
        projections = common + "p.projection_name, p.version, r.version, r.switched_at FROM " + t.projections + " p"
                + " LEFT JOIN " + t.readModels + " r ON r.projection_name = p.projection_name"
                + " ORDER BY p.projection_name, p.version";
        // before migration 5 every projection is version 1 of its name, current once caught up
        unversionedProjections = common + "p.name, 1, CASE WHEN p.caught_up THEN 1 END, NULL::timestamptz FROM "
                + t.projections + " p ORDER BY p.name";
        // what a catch-up reads (CatchUp's filter): the events its snapshot sees, of the names it handles if given
        catchUpCount = "SELECT count(*) FILTER (WHERE global_position <= ?), count(*) FROM " + t.events
                + " WHERE (?::text[] IS NULL OR event_name = ANY(?::text[]))"
                + " AND pg_visible_in_snapshot(transaction_id, ?::pg_snapshot)";
        relays = "SELECT slot_name, publication FROM " + t.relays + " ORDER BY slot_name";
        stops = "SELECT projection, global_position, stream_category, stream_id, stream_version, event_id, event_name,"
                + " event_version, error, attempts, stopped_at FROM " + t.projectionStops;
        parked = "SELECT projection, global_position, stream_category, stream_id, stream_version, event_id, event_name,"
                + " event_version, error, attempts, parked_at FROM " + t.parkedEvents + " WHERE projection = ?"
                + " AND (?::uuid IS NULL OR event_id = ?) ORDER BY global_position";
    }

    /** The registered projections, by projection name and version; {@code versioned}: the schema has migration 5. */
    public List<Projection> projections(Connection connection, boolean versioned) throws SQLException {
        List<Projection> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(versioned ? projections
                : unversionedProjections); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String checkpoint = rows.getString(6);
                int current = rows.getInt(11);
                OptionalInt currentVersion = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(current);
                found.add(new Projection(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBoolean(4),
                        rows.getLong(5), checkpoint == null ? Lsn.NONE : Lsn.parse(checkpoint), rows.getLong(7),
                        rows.getString(9), rows.getInt(10), currentVersion,
                        Optional.ofNullable(StreamQueries.instant(rows, 12)), rows.getString(8)));
            }
        }
        return found;
    }

    /**
     * How many of the events {@code projection}'s catch-up reads are at or before its catch-up position, and how
     * many it reads in all: one scan of the events table. {@code handled}: the names it handles, or null for all.
     */
    public long[] catchUpCount(Connection connection, Projection projection, Collection<String> handled)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(catchUpCount)) {
            Array names = handled == null ? null : connection.createArrayOf("text", handled.toArray());
            statement.setLong(1, projection.catchUpPosition());
            for (int parameter = 2; parameter <= 3; parameter++) {
                if (names == null) {
                    statement.setNull(parameter, Types.ARRAY);
                } else {
                    statement.setArray(parameter, names);
                }
            }
            statement.setString(4, projection.catchUpSnapshot());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
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
