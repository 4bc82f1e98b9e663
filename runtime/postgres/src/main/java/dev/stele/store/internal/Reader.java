package dev.stele.store.internal;

import dev.stele.catalog.Catalog;
import dev.stele.store.AllSlice;
import dev.stele.store.EventMetadata;
import dev.stele.store.Position;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StoredEventException;
import dev.stele.store.StreamId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads streams and {@code $all}, decoding each event through the catalog and upcasting it to the
 * latest version. An event that cannot be read stops the read with a {@link StoredEventException}.
 */
public final class Reader {

    private static final String COLUMNS = "global_position, transaction_id::text, event_id, stream_category, stream_id,"
            + " stream_version, event_name, event_version, payload::text, metadata::text, recorded_at";

    private final Catalog catalog;
    private final String forwards;
    private final String backwards;
    private final String all;
    private final String allStreaming;

    public Reader(Tables tables, Catalog catalog) {
        this.catalog = catalog;
        this.forwards = "SELECT " + COLUMNS + " FROM " + tables.events + " WHERE stream_category = ? AND stream_id = ?"
                + " AND stream_version >= ? ORDER BY stream_version LIMIT ?";
        this.backwards = "SELECT " + COLUMNS + " FROM " + tables.events + " WHERE stream_category = ? AND stream_id = ?"
                + " AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?";
        // Only transactions older than every running one: nothing can commit later with a smaller key. The
        // sub-select takes the snapshot once per query, not once per row.
        String visibleAfter = " WHERE (transaction_id, global_position) > (?::text::xid8, ?)"
                + " AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))"
                + " ORDER BY transaction_id, global_position";
        // One query over everything visible, for catching up: PostgreSQL sorts it once if it must.
        this.allStreaming = "SELECT " + COLUMNS + " FROM " + tables.events + visibleAfter;
        // A batch finds its keys on the index alone and only then reads their rows: whatever plan PostgreSQL
        // picks for the range (a generic plan may sort the whole rest of the table), it never converts
        // payloads it will not return.
        this.all = "SELECT " + COLUMNS.replace("global_position,", "e.global_position,") + " FROM " + tables.events
                + " e JOIN (SELECT global_position FROM " + tables.events + visibleAfter
                + " LIMIT ?) batch ON batch.global_position = e.global_position"
                + " ORDER BY e.transaction_id, e.global_position";
    }

    public List<RecordedEvent> stream(Connection connection, StreamId stream, long from, int max, boolean forward)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(forward ? forwards : backwards)) {
            statement.setString(1, stream.category());
            statement.setString(2, stream.id());
            statement.setLong(3, from);
            statement.setInt(4, max);
            return read(statement);
        }
    }

    public AllSlice all(Connection connection, Position after, int max) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(all)) {
            statement.setString(1, Long.toString(after.transactionId()));
            statement.setLong(2, after.globalPosition());
            statement.setInt(3, max);
            List<RecordedEvent> events = read(statement);
            return new AllSlice(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
        }
    }

    /**
     * Hands every visible event of {@code $all} after {@code after} to {@code sink} from one query,
     * fetched {@code fetchSize} rows at a time; the connection must not be in autocommit mode, or the
     * driver reads every row first. Returns the position of the last event handed over.
     */
    public Position all(Connection connection, Position after, int fetchSize, Consumer<? super RecordedEvent> sink)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(allStreaming)) {
            statement.setFetchSize(fetchSize);
            statement.setString(1, Long.toString(after.transactionId()));
            statement.setLong(2, after.globalPosition());
            Position last = after;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    RecordedEvent event = decode(rows);
                    sink.accept(event);
                    last = event.position();
                }
            }
            return last;
        }
    }

    private List<RecordedEvent> read(PreparedStatement statement) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(decode(rows));
            }
        }
        return events;
    }

    private RecordedEvent decode(ResultSet rows) throws SQLException {
        long position = rows.getLong(1);
        StreamId stream = new StreamId(rows.getString(4), rows.getString(5));
        long streamVersion = rows.getLong(6);
        String name = rows.getString(7);
        int version = rows.getInt(8);
        Object event;
        EventMetadata metadata;
        try {
            event = catalog.fromJson(name, version, rows.getString(9));
            metadata = MetadataJson.read(rows.getString(10));
        } catch (RuntimeException e) {
            throw new StoredEventException(position, stream, streamVersion, name, version, e);
        } catch (IOException e) {
            throw new StoredEventException(position, stream, streamVersion, name, version,
                    new IllegalArgumentException("its metadata is not valid: " + e.getMessage(), e));
        }
        return new RecordedEvent(new Position(Long.parseLong(rows.getString(2)), position), stream, streamVersion,
                (UUID) rows.getObject(3), name, version, event, metadata,
                rows.getObject(11, OffsetDateTime.class).toInstant());
    }
}
