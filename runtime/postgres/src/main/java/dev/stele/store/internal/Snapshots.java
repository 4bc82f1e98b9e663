package dev.stele.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.stele.spi.AggregateType;
import dev.stele.store.StreamId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Aggregate snapshots: the state at a stream version, stored with the fingerprint of the state's
 * schema. A snapshot whose fingerprint is not the current one, or that does not decode, is ignored and
 * the aggregate is rebuilt from its events: a snapshot is a cache, never a source of truth.
 */
public final class Snapshots {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A usable snapshot. */
    public record Snapshot<S>(S state, long version) {
    }

    private final String read;
    private final String write;

    public Snapshots(Tables tables) {
        this.read = "SELECT stream_version, schema_fingerprint, state::text FROM " + tables.snapshots
                + " WHERE stream_category = ? AND stream_id = ?";
        this.write = "INSERT INTO " + tables.snapshots + " AS s (stream_category, stream_id, stream_version, state_type,"
                + " schema_fingerprint, state) VALUES (?, ?, ?, ?, ?, ?::jsonb)"
                + " ON CONFLICT (stream_category, stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version,"
                + " state_type = EXCLUDED.state_type, schema_fingerprint = EXCLUDED.schema_fingerprint,"
                + " state = EXCLUDED.state, taken_at = now()"
                + " WHERE s.stream_version < EXCLUDED.stream_version"
                + " OR s.schema_fingerprint <> EXCLUDED.schema_fingerprint";
    }

    /** The stream's snapshot if it exists and was taken of the current state type; else null. */
    public <S> Snapshot<S> read(Connection connection, AggregateType<S> type, StreamId stream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(read)) {
            statement.setString(1, stream.category());
            statement.setString(2, stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getLong(2) != type.stateFingerprint()) {
                    return null;
                }
                long version = rows.getLong(1);
                try (JsonParser in = JSON.createParser(rows.getString(3))) {
                    in.nextToken();
                    return new Snapshot<>(type.readState(in), version);
                } catch (IOException | RuntimeException unreadable) {
                    return null;
                }
            }
        }
    }

    public <S> void write(Connection connection, AggregateType<S> type, StreamId stream, S state, long version)
            throws SQLException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            type.writeState(state, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement statement = connection.prepareStatement(write)) {
            statement.setString(1, stream.category());
            statement.setString(2, stream.id());
            statement.setLong(3, version);
            statement.setString(4, type.stateType().getName());
            statement.setLong(5, type.stateFingerprint());
            statement.setString(6, text.toString());
            statement.executeUpdate();
        }
    }
}
