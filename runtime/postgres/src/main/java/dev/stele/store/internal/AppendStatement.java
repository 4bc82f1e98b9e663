package dev.stele.store.internal;

import dev.stele.store.ExpectedVersion;
import dev.stele.store.OutboxMode;
import dev.stele.store.Position;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements of an append of one shape, sent together in one round trip: the stream's lock, then
 * one statement of the stream step the expected version asks for ({@link StreamsTable}), the insert
 * of the events ({@link EventsTable}) numbered from the version that step found, and their outbox rows or
 * messages ({@link OutboxTable}) if the store writes them; outbox rows are deleted by a last statement. The text is built here once per shape and bound here
 * by name; nothing is inserted if the step returns no row.
 */
final class AppendStatement {

    /** The most events bound one parameter per column (5 each, well below the protocol's 32767). */
    static final int MAX_VALUES_ROWS = 1000;

    /** What the stream step checks. */
    enum Step {
        ANY, NO_STREAM, EXACTLY;

        static Step of(ExpectedVersion expected) {
            return expected.isAny() ? ANY : expected.isNoStream() ? NO_STREAM : EXACTLY;
        }
    }

    /** The events an append writes, encoded: one array per column, in the order given; no metadata is null. */
    static final class Events {
        final UUID[] ids;
        final String[] names;
        final Integer[] versions;
        final String[] payloads;
        final String[] metadata;

        Events(int count) {
            ids = new UUID[count];
            names = new String[count];
            versions = new Integer[count];
            payloads = new String[count];
            metadata = new String[count];
        }

        int count() {
            return ids.length;
        }
    }

    /** What an append wrote: its events' positions in the order given, and the stream's version after them. */
    record Written(List<Position> positions, long version) {
    }

    private final Sql sql;
    private final Step step;
    private final boolean arrays;
    private final boolean deletesOutbox;

    private AppendStatement(Sql sql, Step step, boolean arrays, boolean deletesOutbox) {
        this.sql = sql;
        this.step = step;
        this.arrays = arrays;
        this.deletesOutbox = deletesOutbox;
    }

    /**
     * The statement for {@code step} and {@code count} events. Up to {@value #MAX_VALUES_ROWS} events
     * the rows are bound one parameter per column, as a JDBC batch would send them; more are sent as
     * arrays, one per column, which costs the server an array literal to parse.
     */
    static AppendStatement of(StreamsTable streams, EventsTable events, OutboxTable outbox, Step step, int count) {
        String advance = switch (step) {
            case ANY -> streams.advanceAny;
            case NO_STREAM -> streams.create;
            case EXACTLY -> streams.advanceExactly;
        };
        boolean arrays = count > MAX_VALUES_ROWS;
        String delete = outbox != null ? outbox.deleteWritten() : null;
        String text = streams.lock + "; WITH s AS (" + advance + "), e AS ("
                + events.insert("s", arrays ? 0 : count, outbox != null) + ")"
                + (outbox != null ? ", o AS (" + outbox.write("e") + ")" : "")
                // one row, not one per event: the transaction is the same for all, the positions are a list
                + " SELECT transaction_id::text, array_agg(global_position ORDER BY stream_version)::text,"
                + " max(stream_version)"
                + (outbox != null && outbox.mode() == OutboxMode.MESSAGES ? ", (SELECT count(*) FROM o)" : "")
                + " FROM e GROUP BY transaction_id"
                + (delete != null ? "; " + delete : "");
        return new AppendStatement(Sql.of(text), step, arrays, delete != null);
    }

    /** The positions in a bigint array's text, {@code {7,8,9}}, all in transaction {@code transaction}. */
    static List<Position> positions(long transaction, String array, int count) {
        List<Position> positions = new ArrayList<>(count);
        long value = 0;
        for (int i = 1; i < array.length(); i++) {
            char c = array.charAt(i);
            if (c == ',' || c == '}') {
                positions.add(new Position(transaction, value));
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        if (positions.size() != count) {
            throw new IllegalStateException(count + " events appended but " + positions.size() + " positions returned: "
                    + array);
        }
        return positions;
    }

    /** Runs the append on {@code connection}; null if the stream step wrote nothing. */
    Written run(Connection connection, StreamId stream, ExpectedVersion expected, Events events) throws SQLException {
        try (Sql.Bound statement = sql.prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id()).set("count", (long) events.count());
            if (step == Step.EXACTLY) {
                statement.set("expected", expected.version());
            }
            if (arrays) {
                statement.set("event_id", connection.createArrayOf("uuid", events.ids))
                        .set("event_name", connection.createArrayOf("text", events.names))
                        .set("event_version", connection.createArrayOf("int4", events.versions))
                        .set("payload", connection.createArrayOf("text", events.payloads))
                        .set("metadata", connection.createArrayOf("text", events.metadata));
            } else {
                statement.each("event_id", events.ids).each("event_name", events.names)
                        .each("event_version", events.versions).each("payload", events.payloads)
                        .each("metadata", events.metadata);
            }
            if (deletesOutbox) {
                statement.set("outbox_ids", connection.createArrayOf("uuid", events.ids));
            }
            statement.execute(); // the lock's result, then the append's
            if (!statement.statement().getMoreResults()) {
                throw new IllegalStateException("the append returned no result: " + sql);
            }
            try (ResultSet rows = statement.statement().getResultSet()) {
                if (!rows.next()) {
                    return null;
                }
                return new Written(positions(Long.parseLong(rows.getString(1)), rows.getString(2), events.count()),
                        rows.getLong(3));
            }
        }
    }
}
