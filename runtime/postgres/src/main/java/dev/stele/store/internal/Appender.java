package dev.stele.store.internal;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventEncodingException;
import dev.stele.catalog.Format;
import dev.stele.catalog.SerializedEvent;
import dev.stele.store.AppendResult;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.DuplicateEventException;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.Position;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends to one stream in a single statement: a CTE advances the stream's version under its row
 * lock, only if the expected version holds, and inserts the events (and their outbox rows) numbered
 * from the version it found. An expected version that does not hold inserts nothing.
 * Statements are kept per stream step and batch size, so the driver can prepare each once.
 */
public final class Appender {

    /** The most events bound one parameter per column (5 each, well below the protocol's 32767). */
    private static final int MAX_VALUES_ROWS = 1000;

    /** SQL state of a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Tables tables;
    private final Catalog catalog;
    private final boolean outbox;
    private final String anyVersion;
    private final String noStream;
    private final String exactVersion;
    private final Map<String, String> statements = new ConcurrentHashMap<>();
    private final String existing;
    private final String currentVersion;

    public Appender(Tables tables, Catalog catalog, boolean outbox) {
        this.tables = tables;
        this.catalog = catalog;
        this.outbox = outbox;
        // Each step also refuses a transaction older than the stream's last writer: $all is ordered by
        // transaction id, so such an append would land before events it follows in the stream.
        this.anyVersion = "INSERT INTO " + tables.streams + " AS s (stream_category, stream_id, version, last_xid)"
                + " VALUES (?, ?, ?, pg_current_xact_id()) ON CONFLICT (stream_category, stream_id) DO UPDATE SET"
                + " version = s.version + EXCLUDED.version, last_xid = EXCLUDED.last_xid"
                + " WHERE s.last_xid <= EXCLUDED.last_xid RETURNING s.version - ? AS base";
        this.noStream = "INSERT INTO " + tables.streams + " (stream_category, stream_id, version, last_xid)"
                + " VALUES (?, ?, ?, pg_current_xact_id()) ON CONFLICT (stream_category, stream_id) DO NOTHING"
                + " RETURNING version - ? AS base";
        this.exactVersion = "UPDATE " + tables.streams + " SET version = version + ?, last_xid = pg_current_xact_id()"
                + " WHERE stream_category = ? AND stream_id = ? AND version = ? AND last_xid <= pg_current_xact_id()"
                + " RETURNING version - ? AS base";
        this.existing = "SELECT event_id, global_position, transaction_id::text, stream_category, stream_id,"
                + " stream_version FROM " + tables.events + " WHERE event_id = ANY(?::uuid[])";
        this.currentVersion = "SELECT version, last_xid > pg_current_xact_id() FROM " + tables.streams
                + " WHERE stream_category = ? AND stream_id = ?";
    }

    /**
     * The append statement for a stream step and a number of events. Up to {@value #MAX_VALUES_ROWS}
     * events the rows are bound one parameter per column, as a JDBC batch would send them; more are sent
     * as arrays, one per column, which costs the server an array literal to parse.
     */
    private String statement(String streamStep, int count) {
        String key = (count <= MAX_VALUES_ROWS ? count : 0) + ":" + streamStep;
        return statements.computeIfAbsent(key, k -> {
            String rows;
            if (count <= MAX_VALUES_ROWS) {
                StringBuilder values = new StringBuilder("(VALUES ");
                for (int i = 1; i <= count; i++) {
                    values.append(i == 1 ? "" : ", ").append("(?::uuid, ?, ?::int, ?, ?, ").append(i).append(')');
                }
                rows = values.append(')').toString();
            } else {
                rows = "unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY";
            }
            Tables t = tables;
            return "WITH s AS (" + streamStep + "), e AS ("
                    + " INSERT INTO " + t.events + " (event_id, stream_category, stream_id, stream_version, event_name,"
                    + " event_version, payload, metadata)"
                    + " SELECT n.event_id, ?, ?, s.base + n.ord, n.name, n.version, n.payload::jsonb, n.metadata::jsonb"
                    + " FROM s, " + rows + " AS n(event_id, name, version, payload, metadata, ord)"
                    + " ORDER BY n.ord"
                    + " RETURNING global_position, transaction_id, stream_version"
                    + (outbox ? ", event_id, event_name, event_version, payload, recorded_at)" : ")")
                    + (outbox ? ", o AS (INSERT INTO " + t.outbox + " (id, aggregatetype, aggregateid, type, payload,"
                            + " event_version, recorded_at) SELECT event_id, ?, ?, event_name, payload, event_version,"
                            + " recorded_at FROM e)" : "")
                    + " SELECT global_position, transaction_id::text, stream_version FROM e ORDER BY stream_version";
        });
    }

    /**
     * Appends {@code events} on {@code connection}, in its current transaction.
     *
     * @param joined whether the transaction is the caller's: then duplicates are looked for first, since
     *     a unique violation would abort the caller's transaction; in the store's own transaction the
     *     insert just tries, and a duplicate is resolved after the rollback by {@link #retried}
     */
    public AppendResult append(Connection connection, StreamId stream, ExpectedVersion expected, List<NewEvent> events,
            boolean joined) throws SQLException {
        if (joined) {
            AppendResult retry = retried(connection, stream, events);
            if (retry != null) {
                return retry;
            }
        }
        Encoded encoded = encode(events);
        int count = events.size();
        String step = expected.isAny() ? anyVersion : expected.isNoStream() ? noStream : exactVersion;
        try (PreparedStatement statement = connection.prepareStatement(statement(step, count))) {
            int at = 1;
            if (expected.isAny() || expected.isNoStream()) {
                statement.setString(at++, stream.category());
                statement.setString(at++, stream.id());
                statement.setLong(at++, count);
                statement.setLong(at++, count);
            } else {
                statement.setLong(at++, count);
                statement.setString(at++, stream.category());
                statement.setString(at++, stream.id());
                statement.setLong(at++, expected.version());
                statement.setLong(at++, count);
            }
            statement.setString(at++, stream.category());
            statement.setString(at++, stream.id());
            if (count <= MAX_VALUES_ROWS) {
                for (int i = 0; i < count; i++) {
                    statement.setObject(at++, encoded.ids[i]);
                    statement.setString(at++, encoded.names[i]);
                    statement.setInt(at++, encoded.versions[i]);
                    statement.setString(at++, encoded.payloads[i]);
                    statement.setString(at++, encoded.metadata[i]);
                }
            } else {
                statement.setArray(at++, connection.createArrayOf("uuid", encoded.ids));
                statement.setArray(at++, connection.createArrayOf("text", encoded.names));
                statement.setArray(at++, connection.createArrayOf("int4", encoded.versions));
                statement.setArray(at++, connection.createArrayOf("text", encoded.payloads));
                statement.setArray(at++, connection.createArrayOf("text", encoded.metadata));
            }
            if (outbox) {
                statement.setString(at++, stream.category());
                statement.setString(at, stream.id());
            }
            List<Position> positions = new ArrayList<>(count);
            long last = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.add(new Position(Long.parseLong(rows.getString(2)), rows.getLong(1)));
                    last = rows.getLong(3);
                }
            }
            if (positions.isEmpty()) {
                AppendResult retry = joined ? null : retried(connection, stream, events);
                if (retry != null) {
                    return retry;
                }
                throw conflict(connection, stream, expected);
            }
            return new AppendResult(stream, last, positions, false);
        }
    }

    /**
     * The original result if every event id was appended before to this stream (a retry), null if none
     * was; a {@link DuplicateEventException} if only some were, or to another stream.
     */
    public AppendResult retried(Connection connection, StreamId stream, List<NewEvent> events) throws SQLException {
        UUID[] ids = events.stream().map(NewEvent::eventId).toArray(UUID[]::new);
        Map<UUID, long[]> found = new HashMap<>();
        List<UUID> elsewhere = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(existing)) {
            Array array = connection.createArrayOf("uuid", ids);
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = (UUID) rows.getObject(1);
                    found.put(id, new long[] {rows.getLong(2), Long.parseLong(rows.getString(3)), rows.getLong(6)});
                    if (!rows.getString(4).equals(stream.category()) || !rows.getString(5).equals(stream.id())) {
                        elsewhere.add(id);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (!elsewhere.isEmpty()) {
            throw new DuplicateEventException(stream, elsewhere, "they were appended to another stream");
        }
        if (found.size() != ids.length) {
            throw new DuplicateEventException(stream, new ArrayList<>(found.keySet()),
                    "only " + found.size() + " of the " + ids.length + " events were appended before; an idempotent"
                            + " retry repeats exactly the same events");
        }
        List<Position> positions = new ArrayList<>();
        long last = 0;
        for (UUID id : ids) {
            long[] original = found.get(id);
            positions.add(new Position(original[1], original[0]));
            last = Math.max(last, original[2]);
        }
        return new AppendResult(stream, last, positions, true);
    }

    /** Whether {@code e} is the unique violation of an event id that exists already. */
    public boolean isDuplicateId(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage() != null
                && e.getMessage().contains(tables.local("events_event_id_key"));
    }

    public long version(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version FROM " + tables.streams + " WHERE stream_category = ? AND stream_id = ?")) {
            statement.setString(1, stream.category());
            statement.setString(2, stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Why an append wrote nothing: another version, or a younger transaction that wrote first. */
    private ConcurrencyConflictException conflict(Connection connection, StreamId stream, ExpectedVersion expected)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(currentVersion)) {
            statement.setString(1, stream.category());
            statement.setString(2, stream.id());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return new ConcurrencyConflictException(stream, expected, 0);
                }
                long actual = rows.getLong(1);
                boolean younger = rows.getBoolean(2);
                boolean versionHolds = expected.isAny() || expected.version() == actual;
                return younger && versionHolds ? ConcurrencyConflictException.olderTransaction(stream, expected, actual)
                        : new ConcurrencyConflictException(stream, expected, actual);
            }
        }
    }

    private Encoded encode(List<NewEvent> events) {
        int count = events.size();
        Encoded encoded = new Encoded(count);
        for (int i = 0; i < count; i++) {
            NewEvent event = events.get(i);
            SerializedEvent json = catalog.toJson(event.event());
            encoded.ids[i] = event.eventId();
            encoded.names[i] = json.name();
            encoded.versions[i] = json.version();
            encoded.payloads[i] = new String(json.payload(), StandardCharsets.UTF_8);
            if (encoded.payloads[i].contains("\\u0000")) {
                throw new EventEncodingException(json.name(), json.version(), Format.JSON, "",
                        "a string holds the character U+0000, which PostgreSQL's jsonb cannot store", null);
            }
            encoded.metadata[i] = MetadataJson.write(event.metadata());
        }
        return encoded;
    }

    /** The append's columns, as the arrays the statement unnests. */
    private static final class Encoded {
        final UUID[] ids;
        final String[] names;
        final Integer[] versions;
        final String[] payloads;
        final String[] metadata;

        Encoded(int count) {
            ids = new UUID[count];
            names = new String[count];
            versions = new Integer[count];
            payloads = new String[count];
            metadata = new String[count];
        }
    }
}
