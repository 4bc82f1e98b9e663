package dev.stele.store.internal;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventEncodingException;
import dev.stele.catalog.Format;
import dev.stele.catalog.SerializedEvent;
import dev.stele.spi.EventType;
import dev.stele.store.AppendResult;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.DuplicateEventException;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.OutboxMode;
import dev.stele.store.Position;
import dev.stele.store.StreamId;
import dev.stele.store.StreamMismatchException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Appends to one stream in one round trip ({@link AppendStatement}): it takes the stream's lock before
 * the transaction writes anything, then one statement advances the stream's version, only if the
 * expected version holds, and inserts the events (and their outbox rows) numbered from the version it
 * found. An expected version that does not hold inserts nothing. Statements are kept per stream step
 * and batch size, so the driver can prepare each once.
 */
public final class Appender {

    private final Catalog catalog;
    private final StreamsTable streams;
    private final EventsTable events;
    private final OutboxTable outbox;
    private final Map<AppendStatement.Step, AtomicReferenceArray<AppendStatement>> statements = new HashMap<>();

    public Appender(Tables tables, Catalog catalog, OutboxMode outbox) {
        this.catalog = catalog;
        this.streams = new StreamsTable(tables);
        this.events = new EventsTable(tables);
        this.outbox = outbox == OutboxMode.NONE ? null : new OutboxTable(tables, outbox);
        for (AppendStatement.Step step : AppendStatement.Step.values()) {
            // one per number of events bound row by row, and at 0 the one for arrays
            statements.put(step, new AtomicReferenceArray<>(AppendStatement.MAX_VALUES_ROWS + 1));
        }
    }

    private AppendStatement statement(AppendStatement.Step step, int count) {
        AtomicReferenceArray<AppendStatement> shapes = statements.get(step);
        int index = count <= AppendStatement.MAX_VALUES_ROWS ? count : 0;
        AppendStatement statement = shapes.get(index);
        if (statement == null) {
            statement = AppendStatement.of(streams, events, outbox, step, count);
            shapes.set(index, statement);
        }
        return statement;
    }

    /**
     * An append's events, checked and encoded before any SQL runs ({@link Appender#encode}), so an
     * event the store cannot take is refused before a connection is used, and a retried append is not
     * encoded again.
     */
    public static final class Batch {

        private final List<NewEvent> events;
        private final AppendStatement.Events encoded;

        private Batch(List<NewEvent> events, AppendStatement.Events encoded) {
            this.events = List.copyOf(events);
            this.encoded = encoded;
        }

        public List<NewEvent> events() {
            return events;
        }
    }

    /**
     * Encodes {@code events} for an append to {@code stream}.
     *
     * @throws DuplicateEventException if two events have the same id
     * @throws EventEncodingException if an event does not encode, or it or its metadata holds U+0000,
     *     which {@code jsonb} cannot store
     * @throws StreamMismatchException if an event's {@code @StreamId} names another stream
     */
    public Batch encode(StreamId stream, List<NewEvent> events) {
        repeatedIds(stream, events);
        AppendStatement.Events encoded = new AppendStatement.Events(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            EventType<?> type = catalog.eventType(event.event().getClass());
            if (type.hasStreamId() && !stream.id().equals(type.streamIdOf(event.event()))) {
                throw new StreamMismatchException(stream, i, type.name(), type.streamIdOf(event.event()));
            }
            SerializedEvent json = catalog.toJson(event.event());
            encoded.ids[i] = event.eventId();
            encoded.names[i] = json.name();
            encoded.versions[i] = json.version();
            encoded.payloads[i] = new String(json.payload(), StandardCharsets.UTF_8);
            if (Jsonb.holdsNul(encoded.payloads[i])) {
                throw new EventEncodingException(json.name(), json.version(), Format.JSON,
                        Jsonb.pathOfNul(encoded.payloads[i]), "a string holds the character U+0000, which"
                                + " PostgreSQL's jsonb cannot store", null);
            }
            String nul = MetadataJson.whereNul(event.metadata());
            if (nul != null) {
                throw new EventEncodingException(json.name(), json.version(), Format.JSON, "", nul
                        + " holds the character U+0000, which PostgreSQL's jsonb cannot store", null);
            }
            // null, not '{}': the server parses each metadata it is sent, and most events have none
            encoded.metadata[i] = event.metadata().isEmpty() ? null : MetadataJson.write(event.metadata());
        }
        return new Batch(events, encoded);
    }

    /** Refuses an append that holds an event id twice: the unique index would refuse it, less helpfully. */
    private static void repeatedIds(StreamId stream, List<NewEvent> events) {
        if (events.size() < 2) {
            return;
        }
        Map<UUID, Integer> first = new HashMap<>();
        Set<UUID> repeated = new LinkedHashSet<>();
        String where = null;
        for (int i = 0; i < events.size(); i++) {
            Integer before = first.putIfAbsent(events.get(i).eventId(), i);
            if (before != null && repeated.add(events.get(i).eventId()) && where == null) {
                where = "events " + (before + 1) + " and " + (i + 1);
            }
        }
        if (!repeated.isEmpty()) {
            throw new DuplicateEventException(stream, new ArrayList<>(repeated), "the append holds the same id"
                    + " more than once (" + where + (repeated.size() > 1 ? ", and more" : "") + "); each event"
                    + " needs an id of its own");
        }
    }

    /**
     * Appends {@code events} on {@code connection}, in its current transaction.
     *
     * @param joined whether the transaction is the caller's: then duplicates are looked for first, since
     *     a unique violation would abort the caller's transaction; in the store's own transaction the
     *     insert just tries, and a duplicate is resolved after the rollback by {@link #retried}
     */
    public AppendResult append(Connection connection, StreamId stream, ExpectedVersion expected, Batch events,
            boolean joined) throws SQLException {
        if (joined) {
            AppendResult retry = retried(connection, stream, events);
            if (retry != null) {
                return retry;
            }
        }
        AppendStatement.Written written = statement(AppendStatement.Step.of(expected), events.encoded.count())
                .run(connection, stream, expected, events.encoded);
        if (written == null) {
            AppendResult retry = joined ? null : retried(connection, stream, events);
            if (retry != null) {
                return retry;
            }
            throw conflict(connection, stream, expected);
        }
        return new AppendResult(stream, written.version(), written.positions(), false);
    }

    /**
     * The original result if every event id was appended before to this stream (a retry), null if none
     * was; a {@link DuplicateEventException} if only some were, or to another stream.
     */
    public AppendResult retried(Connection connection, StreamId stream, Batch events) throws SQLException {
        UUID[] ids = events.encoded.ids;
        Map<UUID, EventsTable.Existing> found = new HashMap<>();
        List<UUID> elsewhere = new ArrayList<>();
        for (EventsTable.Existing existing : this.events.existing(connection, ids)) {
            found.put(existing.eventId(), existing);
            if (!existing.stream().equals(stream)) {
                elsewhere.add(existing.eventId());
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
            EventsTable.Existing original = found.get(id);
            positions.add(original.position());
            last = Math.max(last, original.streamVersion());
        }
        return new AppendResult(stream, last, positions, true);
    }

    /** Whether {@code e} is the unique violation of an event id that exists already. */
    public boolean isDuplicateId(SQLException e) {
        return events.isDuplicateEventId(e);
    }

    /** Why an append wrote nothing: another version, or a younger transaction that wrote first. */
    private ConcurrencyConflictException conflict(Connection connection, StreamId stream, ExpectedVersion expected)
            throws SQLException {
        StreamsTable.State state = streams.state(connection, stream);
        if (state == null) {
            return new ConcurrencyConflictException(stream, expected, 0);
        }
        boolean versionHolds = expected.isAny() || expected.version() == state.version();
        return state.youngerWriter() && versionHolds
                ? ConcurrencyConflictException.olderTransaction(stream, expected, state.version())
                : new ConcurrencyConflictException(stream, expected, state.version());
    }
}
