package dev.stele.inspect.internal;

import dev.stele.catalog.Catalog;
import dev.stele.codec.json.JsonRecordWriter;
import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;
import dev.stele.spi.AggregateType;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import dev.stele.store.internal.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a stream's events through the store's reader (decoded, upcast) and, for an aggregate's stream, folds them
 * from the {@code @Initial} state as the aggregate repository does, without snapshots: the state after each event is
 * the fold of every event up to it.
 */
public final class Replayer {

    private static final int BATCH = 1000;

    private final Reader reader;
    private final Catalog catalog;

    public Replayer(Reader reader, Catalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    /** The replay of a stream whose version is {@code version} (at least 1); {@code type} may be null. */
    public Replay replay(Connection connection, StreamId stream, long version, long fromVersion, int limit,
            AggregateType<Object> type) throws SQLException {
        long from = Math.max(1, fromVersion);
        Object state = type == null ? null : type.initial(stream.id());
        long next = 1;
        while (type != null && next < from) { // the events before the replay, for the state it starts from
            List<RecordedEvent> events = reader.stream(connection, stream, next, (int) Math.min(BATCH, from - next),
                    true);
            for (RecordedEvent event : events) {
                state = apply(type, state, event);
            }
            if (events.isEmpty()) {
                break;
            }
            next = events.get(events.size() - 1).streamVersion() + 1;
        }
        Optional<String> initial = type == null ? Optional.empty() : Optional.of(stateJson(type, state));
        List<ReplayedEvent> replayed = new ArrayList<>();
        for (RecordedEvent event : reader.stream(connection, stream, from, limit, true)) {
            Optional<Object> after = Optional.empty();
            Optional<String> afterJson = Optional.empty();
            if (type != null) {
                state = apply(type, state, event);
                after = Optional.of(state);
                afterJson = Optional.of(stateJson(type, state));
            }
            replayed.add(new ReplayedEvent(event.streamVersion(), event.eventName(), event.storedVersion(),
                    catalog.eventType(event.event().getClass()).version(), event.recordedAt(), event.eventId(),
                    event.position().globalPosition(), event.metadata().correlationId(),
                    event.metadata().causationId(), event.event(),
                    new String(catalog.toJson(event.event()).payload(), StandardCharsets.UTF_8), after, afterJson));
        }
        return new Replay(stream, from, version,
                type == null ? Optional.empty() : Optional.of(type.stateType().getSimpleName()), initial, replayed);
    }

    private static Object apply(AggregateType<Object> type, Object state, RecordedEvent event) {
        Object next = type.apply(state, event.eventName(), event.event());
        if (next == null) {
            throw new IllegalStateException("the @Apply method of " + type.stateType().getSimpleName() + " for "
                    + event.eventName() + " returned null; it must return the next state");
        }
        return next;
    }

    private static String stateJson(AggregateType<Object> type, Object state) {
        JsonRecordWriter out = new JsonRecordWriter();
        try {
            type.writeState(state, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state of " + type.stateType().getSimpleName(), e);
        }
        return out.toText();
    }
}
