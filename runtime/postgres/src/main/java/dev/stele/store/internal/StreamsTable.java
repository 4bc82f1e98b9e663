package dev.stele.store.internal;

import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code stele_streams}: one row per stream with its version (its number of events) and the
 * transaction that appended to it last ({@code last_xid}). Every append advances the row, so the row
 * lock orders a stream's appends; each step refuses a transaction older than the last writer, since
 * {@code $all} is ordered by transaction id and such an append would land before events it follows.
 *
 * <p>An append first takes the stream's {@link #lock}, before its transaction writes anything: PostgreSQL
 * gives a transaction its id at its first write, so the id of a transaction that writes only after the
 * lock is younger than that of every append before it, and the step never refuses it for its age.
 */
final class StreamsTable {

    /** The stream's version and whether a younger transaction appended last, or no row. */
    record State(long version, boolean youngerWriter) {
    }

    /**
     * Takes the stream's append lock until the transaction ends, without giving the transaction an id:
     * an advisory lock, since a new stream has no row to lock yet. Keyed by this table and the stream;
     * streams whose keys collide only wait for each other. Parameters {@code :category, :id}.
     */
    final String lock;
    /**
     * The append steps, fragments of {@link AppendStatement}: each advances the stream by {@code :count}
     * events and returns the version before it as {@code base}, or returns no row when the expected
     * version does not hold or the transaction is older than the last writer. Parameters
     * {@code :category, :id, :count}; {@link #advanceExactly} also {@code :expected}.
     */
    final String advanceAny;
    final String create;
    final String advanceExactly;

    private final Sql lockNow;
    private final Sql version;
    private final Sql state;

    StreamsTable(Tables tables) {
        String streams = tables.streams;
        this.lock = "SELECT pg_advisory_xact_lock(hashtext('" + streams + "'), hashtext(:category || '/' || :id))";
        this.advanceAny = "INSERT INTO " + streams + " AS s (stream_category, stream_id, version, last_xid)"
                + " VALUES (:category, :id, :count, pg_current_xact_id())"
                + " ON CONFLICT (stream_category, stream_id) DO UPDATE SET"
                + " version = s.version + EXCLUDED.version, last_xid = EXCLUDED.last_xid"
                + " WHERE s.last_xid <= EXCLUDED.last_xid RETURNING s.version - :count AS base";
        this.create = "INSERT INTO " + streams + " (stream_category, stream_id, version, last_xid)"
                + " VALUES (:category, :id, :count, pg_current_xact_id())"
                + " ON CONFLICT (stream_category, stream_id) DO NOTHING RETURNING version - :count AS base";
        this.advanceExactly = "UPDATE " + streams + " SET version = version + :count, last_xid = pg_current_xact_id()"
                + " WHERE stream_category = :category AND stream_id = :id AND version = :expected"
                + " AND last_xid <= pg_current_xact_id() RETURNING version - :count AS base";
        this.lockNow = Sql.of(lock);
        this.version = Sql.of("SELECT version FROM " + streams
                + " WHERE stream_category = :category AND stream_id = :id");
        this.state = Sql.of("SELECT version, last_xid > pg_current_xact_id() FROM " + streams
                + " WHERE stream_category = :category AND stream_id = :id");
    }

    /** Takes the stream's {@link #lock} on its own, until the transaction ends. */
    void lock(Connection connection, StreamId stream) throws SQLException {
        try (Sql.Bound statement = lockNow.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id()).execute();
        }
    }

    /** The stream's version, 0 if it has no event. */
    long version(Connection connection, StreamId stream) throws SQLException {
        try (Sql.Bound statement = version.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /**
     * The stream's version and whether its last writer is younger than this transaction (which this
     * gives a transaction id); null if the stream has no row.
     */
    State state(Connection connection, StreamId stream) throws SQLException {
        try (Sql.Bound statement = state.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new State(rows.getLong(1), rows.getBoolean(2)) : null;
            }
        }
    }
}
