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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads streams, their versions and {@code $all}, decoding each event through the catalog and
 * upcasting it to the latest version. An event that cannot be read stops the read with a
 * {@link StoredEventException}.
 */
public final class Reader {

    private final Catalog catalog;
    private final EventsTable events;
    private final StreamsTable streams;

    public Reader(Tables tables, Catalog catalog) {
        this.catalog = catalog;
        this.events = new EventsTable(tables);
        this.streams = new StreamsTable(tables);
    }

    /** The stream's version: its number of events, 0 if it has none. */
    public long version(Connection connection, StreamId stream) throws SQLException {
        return streams.version(connection, stream);
    }

    public List<RecordedEvent> stream(Connection connection, StreamId stream, long from, int max, boolean forward)
            throws SQLException {
        List<RecordedEvent> read = new ArrayList<>();
        events.stream(connection, stream, from, max, forward, row -> read.add(decode(row)));
        return read;
    }

    /**
     * Up to {@code max} events of {@code $all} after {@code after}. An event that cannot be read raises
     * {@link StoredEventException} with the events before it in the batch ({@link
     * StoredEventException#readBefore()}).
     */
    public AllSlice all(Connection connection, Position after, int max) throws SQLException {
        List<RecordedEvent> read = new ArrayList<>();
        try {
            events.all(connection, after, max, row -> read.add(decode(row)));
        } catch (StoredEventException e) {
            throw new StoredEventException(e.globalPosition(), e.eventId(), e.stream(), e.streamVersion(),
                    e.eventName(), e.eventVersion(), (RuntimeException) e.getCause(), slice(read, after));
        }
        return slice(read, after);
    }

    private static AllSlice slice(List<RecordedEvent> read, Position after) {
        return new AllSlice(read, read.isEmpty() ? after : read.get(read.size() - 1).position());
    }

    /**
     * Hands every visible event of {@code $all} after {@code after} to {@code sink} from one query,
     * fetched {@code fetchSize} rows at a time; the connection must not be in autocommit mode, or the
     * driver reads every row first. Returns the position of the last event handed over.
     */
    public Position all(Connection connection, Position after, int fetchSize, Consumer<? super RecordedEvent> sink)
            throws SQLException {
        Position[] last = {after};
        events.allStreaming(connection, after, fetchSize, row -> {
            RecordedEvent event = decode(row);
            sink.accept(event);
            last[0] = event.position();
        });
        return last[0];
    }

    private RecordedEvent decode(EventsTable.Row row) {
        Object event;
        EventMetadata metadata;
        try {
            event = catalog.fromJson(row.eventName(), row.eventVersion(), row.payload());
            metadata = MetadataJson.read(row.metadata());
        } catch (RuntimeException e) {
            throw unreadable(row, e);
        } catch (IOException e) {
            throw unreadable(row, new IllegalArgumentException("its metadata cannot be read: " + e.getMessage(), e));
        }
        return new RecordedEvent(row.position(), row.stream(), row.streamVersion(), row.eventId(), row.eventName(),
                row.eventVersion(), event, metadata, row.recordedAt());
    }

    private static StoredEventException unreadable(EventsTable.Row row, RuntimeException cause) {
        return new StoredEventException(row.position().globalPosition(), row.eventId(), row.stream(),
                row.streamVersion(), row.eventName(), row.eventVersion(), cause, null);
    }
}
