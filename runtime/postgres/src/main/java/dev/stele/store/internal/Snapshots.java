package dev.stele.store.internal;

import dev.stele.codec.json.JsonRecordReader;
import dev.stele.codec.json.JsonRecordWriter;
import dev.stele.spi.AggregateType;
import dev.stele.store.StreamId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Aggregate snapshots: the state at a stream version, stored with the fingerprint of the state's
 * schema. A snapshot whose fingerprint is not the current one, or that does not decode, is ignored and
 * the aggregate is rebuilt from its events: a snapshot is a cache, never a source of truth.
 */
public final class Snapshots {

    /** A usable snapshot. */
    public record Snapshot<S>(S state, long version) {
    }

    private final SnapshotsTable table;
    private final StreamsTable streams;

    public Snapshots(Tables tables) {
        this.table = new SnapshotsTable(tables);
        this.streams = new StreamsTable(tables);
    }

    /**
     * Takes the stream's append lock until the transaction ends, as an append does: no append to the
     * stream commits meanwhile, so a snapshot of the state read after it is the stream's newest.
     */
    public void lockStream(Connection connection, StreamId stream) throws SQLException {
        streams.lock(connection, stream);
    }

    /** The stream's snapshot if it exists and was taken of the current state type; else null. */
    public <S> Snapshot<S> read(Connection connection, AggregateType<S> type, StreamId stream) throws SQLException {
        SnapshotsTable.Row row = table.read(connection, stream);
        if (row == null || row.schemaFingerprint() != type.stateFingerprint()) {
            return null;
        }
        byte[] json = row.state().getBytes(StandardCharsets.UTF_8);
        try {
            JsonRecordReader in = new JsonRecordReader(json, 0, json.length);
            S state = type.readState(in);
            in.expectEnd();
            return new Snapshot<>(state, row.streamVersion());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Stores {@code state} at {@code version} as the stream's snapshot, in place of whatever snapshot it
     * had: call it holding the stream's append lock ({@link #lockStream}, or an append's).
     */
    public <S> void write(Connection connection, AggregateType<S> type, StreamId stream, S state, long version)
            throws SQLException {
        JsonRecordWriter out = new JsonRecordWriter();
        try {
            type.writeState(state, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.write(connection, stream, version, type.stateType().getName(), type.stateFingerprint(),
                out.toText());
    }
}
