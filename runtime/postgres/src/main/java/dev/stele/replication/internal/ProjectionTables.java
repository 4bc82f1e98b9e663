package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements on the projections, their checkpoints per partition, and the parked events. */
public final class ProjectionTables {

    /** What is stored of a projection: where its catch-up began and stands. */
    public record Registration(String name, String slotName, int partitions, PgSnapshot catchUpSnapshot,
            Lsn catchUpUntil, long catchUpPosition, boolean caughtUp) {
    }

    private final String register;
    private final String addCheckpoint;
    private final String find;
    private final String checkpoints;
    private final String saveCheckpoint;
    private final String catchUpPosition;
    private final String caughtUp;
    private final String onSlot;
    private final String delete;
    private final String park;
    private final String parked;
    private final String unpark;
    private final String deleteParked;
    private final String recordStop;
    private final String clearStop;

    public ProjectionTables(Tables t) {
        // run in the transaction that imported the boundary's exported snapshot: pg_current_snapshot() is that one
        register = "INSERT INTO " + t.projections + " (name, projection_name, version, slot_name, partitions,"
                + " catch_up_snapshot, catch_up_until) VALUES (?, ?, ?, ?, ?, pg_current_snapshot(), ?::pg_lsn)";
        addCheckpoint = "INSERT INTO " + t.projectionCheckpoints + " (projection, partition, lsn) VALUES (?, ?, ?::pg_lsn)";
        find = "SELECT name, slot_name, partitions, catch_up_snapshot::text, catch_up_until::text, catch_up_position,"
                + " caught_up FROM " + t.projections + " WHERE name = ?";
        checkpoints = "SELECT partition, lsn::text FROM " + t.projectionCheckpoints + " WHERE projection = ?"
                + " ORDER BY partition";
        // compare-and-set: a worker or catch-up that lives on past its session (stuck, or on an instance that
        // lost the slot's lock unawares) cannot commit over the one that took its place
        saveCheckpoint = "UPDATE " + t.projectionCheckpoints + " SET lsn = ?::pg_lsn, updated_at = now()"
                + " WHERE projection = ? AND partition = ? AND lsn = ?::pg_lsn";
        catchUpPosition = "UPDATE " + t.projections + " SET catch_up_position = ? WHERE name = ?"
                + " AND catch_up_position = ?";
        caughtUp = "UPDATE " + t.projections + " SET caught_up = true WHERE name = ?";
        onSlot = "SELECT name FROM " + t.projections + " WHERE slot_name = ? ORDER BY name";
        delete = "DELETE FROM " + t.projections + " WHERE name = ?";
        park = "INSERT INTO " + t.parkedEvents + " (projection, event_id, global_position, stream_category, stream_id,"
                + " stream_version, event_name, event_version, error, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (projection, event_id) DO UPDATE SET error = excluded.error,"
                + " attempts = excluded.attempts, parked_at = now()";
        parked = "SELECT projection, global_position, stream_category, stream_id, stream_version, event_id, event_name,"
                + " event_version, error, attempts, parked_at FROM " + t.parkedEvents + " WHERE projection = ?"
                + " ORDER BY global_position";
        unpark = "DELETE FROM " + t.parkedEvents + " WHERE projection = ? AND event_id = ?";
        deleteParked = "DELETE FROM " + t.parkedEvents + " WHERE projection = ?";
        recordStop = "INSERT INTO " + t.projectionStops + " (projection, event_id, global_position, stream_category,"
                + " stream_id, stream_version, event_name, event_version, error, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (projection) DO UPDATE SET"
                + " event_id = excluded.event_id, global_position = excluded.global_position,"
                + " stream_category = excluded.stream_category, stream_id = excluded.stream_id,"
                + " stream_version = excluded.stream_version, event_name = excluded.event_name,"
                + " event_version = excluded.event_version, error = excluded.error, attempts = excluded.attempts,"
                + " stopped_at = now()";
        clearStop = "DELETE FROM " + t.projectionStops + " WHERE projection = ?";
    }

    /**
     * Registers a new projection (version {@code version} of {@code projectionName}, registered as {@code name}):
     * the catch-up reads what the transaction's snapshot sees, every partition's checkpoint is {@code boundary},
     * from where the slot gives what the snapshot does not see.
     */
    public void register(Connection connection, String name, String projectionName, int version, String slotName,
            int partitions, Lsn boundary) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(register)) {
            statement.setString(1, name);
            statement.setString(2, projectionName);
            statement.setInt(3, version);
            statement.setString(4, slotName);
            statement.setInt(5, partitions);
            statement.setString(6, boundary.toString());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(addCheckpoint)) {
            for (int partition = 0; partition < partitions; partition++) {
                statement.setString(1, name);
                statement.setInt(2, partition);
                statement.setString(3, boundary.toString());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public Optional<Registration> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(find)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Registration(rows.getString(1), rows.getString(2), rows.getInt(3),
                        PgSnapshot.parse(rows.getString(4)), Lsn.parse(rows.getString(5)), rows.getLong(6),
                        rows.getBoolean(7)));
            }
        }
    }

    /** The checkpoint of each partition, in partition order. */
    public Lsn[] checkpoints(Connection connection, String name, int partitions) throws SQLException {
        Lsn[] result = new Lsn[partitions];
        try (PreparedStatement statement = connection.prepareStatement(checkpoints)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int partition = rows.getInt(1);
                    if (partition < partitions) {
                        result[partition] = Lsn.parse(rows.getString(2));
                    }
                }
            }
        }
        for (int partition = 0; partition < partitions; partition++) {
            if (result[partition] == null) {
                throw new SQLException("projection " + name + " has no checkpoint for partition " + partition);
            }
        }
        return result;
    }

    /**
     * Moves a partition's checkpoint from {@code expected} to {@code lsn}.
     *
     * @throws SQLException if it is no longer at {@code expected}: another worker moved it, or the projection was
     *     reset; the caller's transaction must not commit
     */
    public void saveCheckpoint(Connection connection, String name, int partition, Lsn expected, Lsn lsn)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(saveCheckpoint)) {
            statement.setString(1, lsn.toString());
            statement.setString(2, name);
            statement.setInt(3, partition);
            statement.setString(4, expected.toString());
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the checkpoint of projection " + name + " partition " + partition
                        + " is no longer at " + expected + ": another worker moved it, or the projection was reset;"
                        + " this batch is rolled back");
            }
        }
    }

    /** Moves the catch-up's position from {@code expected} to {@code position}; fails as {@link #saveCheckpoint} does. */
    public void saveCatchUpPosition(Connection connection, String name, long expected, long position)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(catchUpPosition)) {
            statement.setLong(1, position);
            statement.setString(2, name);
            statement.setLong(3, expected);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the catch-up position of projection " + name + " is no longer " + expected
                        + ": another catch-up moved it, or the projection was reset; this batch is rolled back");
            }
        }
    }

    public void markCaughtUp(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(caughtUp)) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    /** The projections registered on a slot. */
    public List<String> onSlot(Connection connection, String slotName) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(onSlot)) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    /** Forgets a projection: its registration, checkpoints and parked events. */
    public void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(deleteParked)) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    public void park(Connection connection, FailedEvent event) throws SQLException {
        writeFailed(connection, park, event);
    }

    /**
     * Records the poison event a projection stopped on, so that a process other than the runner (an inspection)
     * sees it; commit it on its own, after the failed work was rolled back.
     */
    public void recordStop(Connection connection, FailedEvent event) throws SQLException {
        writeFailed(connection, recordStop, event);
    }

    /** Runs {@code sql}, whose ten parameters are a failed event's columns in the parked events' order. */
    private static void writeFailed(Connection connection, String sql, FailedEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, event.projection());
            statement.setObject(2, event.eventId());
            statement.setLong(3, event.globalPosition());
            statement.setString(4, event.streamCategory());
            statement.setString(5, event.streamId());
            statement.setLong(6, event.streamVersion());
            statement.setString(7, event.eventName());
            statement.setInt(8, event.eventVersion());
            statement.setString(9, event.error());
            statement.setInt(10, event.attempts());
            statement.executeUpdate();
        }
    }

    /** Forgets a projection's recorded stop: a session that applies it again has begun. */
    public void clearStop(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(clearStop)) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }

    public List<FailedEvent> parked(Connection connection, String name) throws SQLException {
        List<FailedEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(parked)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(11);
                    events.add(new FailedEvent(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getObject(6, UUID.class), rows.getString(7), rows.getInt(8),
                            rows.getString(9), rows.getInt(10), at.toInstant()));
                }
            }
        }
        return events;
    }

    /** Removes a parked event; false if it was not (or no longer) parked. Holds the row until the transaction ends. */
    public boolean unpark(Connection connection, String name, UUID eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(unpark)) {
            statement.setString(1, name);
            statement.setObject(2, eventId);
            return statement.executeUpdate() == 1;
        }
    }
}
