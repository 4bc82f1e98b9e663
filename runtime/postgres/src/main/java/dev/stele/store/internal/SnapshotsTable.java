package dev.stele.store.internal;

import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code stele_snapshots}: one snapshot per stream, its state as JSON with the fingerprint of the
 * state's schema.
 */
final class SnapshotsTable {

    /** A stored snapshot, its state still JSON text. */
    record Row(long streamVersion, long schemaFingerprint, String state) {
    }

    private final Sql read;
    private final Sql write;

    SnapshotsTable(Tables tables) {
        this.read = Sql.of("SELECT stream_version, schema_fingerprint, state::text FROM " + tables.snapshots
                + " WHERE stream_category = :category AND stream_id = :id");
        // a snapshot replaces whatever row is there: one at the same version or past the stream may be
        // damaged, and every snapshot is written under the stream's append lock, so none is newer
        this.write = Sql.of("INSERT INTO " + tables.snapshots + " (stream_category, stream_id, stream_version,"
                + " state_type, schema_fingerprint, state) VALUES (:category, :id, :version, :state_type,"
                + " :fingerprint, :state::jsonb)"
                + " ON CONFLICT (stream_category, stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version,"
                + " state_type = EXCLUDED.state_type, schema_fingerprint = EXCLUDED.schema_fingerprint,"
                + " state = EXCLUDED.state, taken_at = now()");
    }

    /** The stream's snapshot, or null. */
    Row read(Connection connection, StreamId stream) throws SQLException {
        try (Sql.Bound statement = read.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Row(rows.getLong(1), rows.getLong(2), rows.getString(3)) : null;
            }
        }
    }

    /**
     * Stores a snapshot in place of the stream's snapshot, whatever it is; the caller holds the stream's
     * append lock ({@link StreamsTable#lock}), so no newer snapshot can exist.
     */
    void write(Connection connection, StreamId stream, long version, String stateType, long fingerprint,
            String state) throws SQLException {
        try (Sql.Bound statement = write.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id()).set("version", version)
                    .set("state_type", stateType).set("fingerprint", fingerprint).set("state", state)
                    .executeUpdate();
        }
    }
}
