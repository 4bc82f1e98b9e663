package dev.stele.store.internal;

import dev.stele.store.Position;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code stele_events}: every event, numbered by {@code global_position} and stamped with the
 * transaction that wrote it ({@code transaction_id}); {@code $all} is ordered by both.
 */
final class EventsTable {

    /** The unique constraint on {@code event_id}, without the table prefix. */
    static final String EVENT_ID_KEY = "events_event_id_key";
    /** The unique constraint on {@code (stream_category, stream_id, stream_version)}, without the table prefix. */
    static final String STREAM_VERSION_KEY = "events_stream_version_key";
    /** The index {@code $all} is read on, without the table prefix. */
    static final String ALL_INDEX = "events_all_idx";

    /** An event as stored, its payload and metadata still JSON text. */
    record Row(Position position, UUID eventId, StreamId stream, long streamVersion, String eventName,
            int eventVersion, String payload, String metadata, Instant recordedAt) {
    }

    /** An event id that exists already, with where it was appended. */
    record Existing(UUID eventId, Position position, StreamId stream, long streamVersion) {
    }

    /** The columns of {@link Row}, in the order {@link #row} reads them. */
    private static final String COLUMNS = "global_position, transaction_id::text, event_id, stream_category,"
            + " stream_id, stream_version, event_name, event_version, payload::text, metadata::text, recorded_at";

    private final String table;
    private final String eventIdKey;
    private final Sql forwards;
    private final Sql backwards;
    private final Sql allBatch;
    private final Sql allStreaming;
    private final Sql existing;

    EventsTable(Tables tables) {
        this.table = tables.events;
        this.eventIdKey = tables.local(EVENT_ID_KEY);
        String stream = " WHERE stream_category = :category AND stream_id = :id";
        this.forwards = Sql.of("SELECT " + COLUMNS + " FROM " + table + stream
                + " AND stream_version >= :from ORDER BY stream_version LIMIT :max");
        this.backwards = Sql.of("SELECT " + COLUMNS + " FROM " + table + stream
                + " AND stream_version <= :from ORDER BY stream_version DESC LIMIT :max");
        // Only transactions older than every running one: nothing can commit later with a smaller key. The
        // sub-select takes the snapshot once per query, not once per row.
        String visibleAfter = " WHERE (transaction_id, global_position) > (:after_xid::text::xid8, :after_position)"
                + " AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))";
        // One query over everything visible, for catching up: PostgreSQL sorts it once if it must. The order is
        // the table's columns, qualified: unqualified, ORDER BY would take the output column transaction_id,
        // which is text, and put transaction 1000 before 999
        this.allStreaming = Sql.of("SELECT " + COLUMNS + " FROM " + table + " e" + visibleAfter
                + " ORDER BY e.transaction_id, e.global_position");
        // A batch finds its keys on the index alone and only then reads their rows: whatever plan PostgreSQL
        // picks for the range (a generic plan may sort the whole rest of the table), it never converts
        // payloads it will not return.
        this.allBatch = Sql.of("SELECT " + COLUMNS.replace("global_position,", "e.global_position,") + " FROM "
                + table + " e JOIN (SELECT global_position FROM " + table + visibleAfter
                + " ORDER BY transaction_id, global_position LIMIT :max) batch"
                + " ON batch.global_position = e.global_position"
                + " ORDER BY e.transaction_id, e.global_position");
        this.existing = Sql.of("SELECT event_id, global_position, transaction_id::text, stream_category, stream_id,"
                + " stream_version FROM " + table + " WHERE event_id = ANY(:ids::uuid[])");
    }

    /**
     * The insert of an append, a fragment of {@link AppendStatement}: the events numbered in the order
     * given from the {@code base} that the CTE {@code streamStep} returns (no row there, no insert).
     * Parameters {@code :category, :id} and, per event, {@code :event_id, :event_name,
     * :event_version, :payload, :metadata} (null for none, stored as {@code '{}'}): for
     * {@code rows > 0} a {@code VALUES} list, each name once per row; for {@code rows == 0} one array
     * per name. Returns {@code global_position, transaction_id, stream_version} and, for the outbox,
     * {@code event_id, event_name, event_version, payload, metadata, recorded_at}.
     */
    String insert(String streamStep, int rows, boolean forOutbox) {
        String values;
        if (rows > 0) {
            StringBuilder list = new StringBuilder("(VALUES ");
            for (int i = 1; i <= rows; i++) {
                list.append(i == 1 ? "" : ", ").append("(:event_id::uuid, :event_name, :event_version::int,"
                        + " :payload, :metadata, ").append(i).append(')');
            }
            values = list.append(')').toString();
        } else {
            values = "unnest(:event_id::uuid[], :event_name::text[], :event_version::int[], :payload::text[],"
                    + " :metadata::text[]) WITH ORDINALITY";
        }
        return "INSERT INTO " + table + " (event_id, stream_category, stream_id, stream_version, event_name,"
                + " event_version, payload, metadata)"
                + " SELECT n.event_id, :category, :id, " + streamStep + ".base + n.ord, n.name, n.version,"
                + " n.payload::jsonb, coalesce(n.metadata::jsonb, '{}') FROM " + streamStep + ", " + values
                + " AS n(event_id, name, version, payload, metadata, ord) ORDER BY n.ord"
                + " RETURNING global_position, transaction_id, stream_version"
                + (forOutbox ? ", event_id, event_name, event_version, payload, metadata, recorded_at" : "");
    }

    /** Whether {@code e} is the unique violation of an event id that exists already. */
    boolean isDuplicateEventId(SQLException e) {
        return ServerErrors.violates(e, ServerErrors.UNIQUE_VIOLATION, eventIdKey);
    }

    /** Up to {@code max} events of {@code stream} from version {@code from}, forwards or backwards. */
    void stream(Connection connection, StreamId stream, long from, int max, boolean forward, Consumer<Row> sink)
            throws SQLException {
        try (Sql.Bound statement = (forward ? forwards : backwards).prepare(connection)) {
            statement.set("category", stream.category()).set("id", stream.id()).set("from", from).set("max", max);
            read(statement, sink);
        }
    }

    /** Up to {@code max} events of {@code $all} after {@code after}, every one older than any running transaction. */
    void all(Connection connection, Position after, int max, Consumer<Row> sink) throws SQLException {
        try (Sql.Bound statement = allBatch.prepare(connection)) {
            after(statement, after).set("max", max);
            read(statement, sink);
        }
    }

    /**
     * Every event of {@code $all} after {@code after} visible now, from one query fetched
     * {@code fetchSize} rows at a time (the connection must not be in autocommit mode, or the driver
     * reads every row first).
     */
    void allStreaming(Connection connection, Position after, int fetchSize, Consumer<Row> sink) throws SQLException {
        try (Sql.Bound statement = allStreaming.prepare(connection)) {
            statement.statement().setFetchSize(fetchSize);
            after(statement, after);
            read(statement, sink);
        }
    }

    private static Sql.Bound after(Sql.Bound statement, Position after) throws SQLException {
        return statement.set("after_xid", Long.toString(after.transactionId()))
                .set("after_position", after.globalPosition());
    }

    private static void read(Sql.Bound statement, Consumer<Row> sink) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sink.accept(row(rows));
            }
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(new Position(Long.parseLong(rows.getString(2)), rows.getLong(1)), (UUID) rows.getObject(3),
                new StreamId(rows.getString(4), rows.getString(5)), rows.getLong(6), rows.getString(7),
                rows.getInt(8), rows.getString(9), rows.getString(10),
                rows.getObject(11, OffsetDateTime.class).toInstant());
    }

    /** Those of {@code ids} that exist already. */
    List<Existing> existing(Connection connection, UUID[] ids) throws SQLException {
        List<Existing> found = new ArrayList<>();
        try (Sql.Bound statement = existing.prepare(connection)) {
            statement.set("ids", connection.createArrayOf("uuid", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Existing((UUID) rows.getObject(1),
                            new Position(Long.parseLong(rows.getString(3)), rows.getLong(2)),
                            new StreamId(rows.getString(4), rows.getString(5)), rows.getLong(6)));
                }
            }
        }
        return found;
    }
}
