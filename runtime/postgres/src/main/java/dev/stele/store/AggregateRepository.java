package dev.stele.store;

import dev.stele.spi.AggregateType;
import dev.stele.store.internal.Snapshots;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and updates the aggregates of one {@code @Aggregate} type, each the fold of its stream.
 *
 * <p>{@link #update} runs a command against the current state and appends the events it returns with
 * the loaded version as expected version; when another writer got there first it reloads and runs the
 * command again, up to {@link #maxAttempts()} times. Every {@code snapshotEvery} events a snapshot of the
 * state is written in the same transaction as the events; loading starts from it when its schema
 * fingerprint is the current one.
 *
 * <p>An aggregate with no event is not missing: {@link #load} returns its {@code @Initial} state at
 * version 0, which is what the first command runs on. {@link Loaded#exists()} tells the two apart, and
 * {@link #find} returns nothing for it.
 *
 * @param <S> the aggregate's state record
 */
public final class AggregateRepository<S> {

    private static final int BATCH = 1000;

    private final EventStore store;
    private final AggregateType<S> type;
    private final Snapshots snapshots;
    private final int maxAttempts;

    AggregateRepository(EventStore store, AggregateType<S> type, Snapshots snapshots, int maxAttempts) {
        this.store = store;
        this.type = type;
        this.snapshots = snapshots;
        this.maxAttempts = maxAttempts;
    }

    /** The same repository, trying a conflicting update at most {@code attempts} times. */
    public AggregateRepository<S> withMaxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("an update needs at least one attempt, got " + attempts);
        }
        return new AggregateRepository<>(store, type, snapshots, attempts);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public AggregateType<S> type() {
        return type;
    }

    public StreamId stream(String id) {
        return StreamId.of(type.category(), id);
    }

    /**
     * The aggregate's current state: its snapshot, if usable, and every event after it. An aggregate with
     * no event loads as its {@code @Initial} state at version 0 ({@link Loaded#exists()} is false), never
     * as an error.
     */
    public Loaded<S> load(String id) {
        StreamId stream = stream(id);
        try (Connection connection = store.dataSource().getConnection()) {
            return load(connection, id, stream);
        } catch (SQLException e) {
            throw new EventStoreException("load the aggregate", stream, e);
        }
    }

    private Loaded<S> load(Connection connection, String id, StreamId stream) throws SQLException {
        Snapshots.Snapshot<S> snapshot = snapshots.read(connection, type, stream);
        S state = snapshot == null ? type.initial(id) : snapshot.state();
        long version = snapshot == null ? 0 : snapshot.version();
        long snapshotVersion = version;
        while (true) {
            List<RecordedEvent> events = store.reader().stream(connection, stream, version + 1, BATCH, true);
            for (RecordedEvent event : events) {
                state = apply(state, event.eventName(), event.event());
                version = event.streamVersion();
            }
            if (events.size() < BATCH) {
                return new Loaded<>(state, version, snapshotVersion);
            }
        }
    }

    /** The aggregate's current state as {@link #load} reads it, or empty if it has no event yet. */
    public Optional<Loaded<S>> find(String id) {
        Loaded<S> loaded = load(id);
        return loaded.exists() ? Optional.of(loaded) : Optional.empty();
    }

    /**
     * Runs {@code command} on the current state and appends the events it returns (the latest versions of
     * their {@code @Event} records); returns the state after them. An empty list appends nothing.
     *
     * @throws ConcurrencyConflictException if the stream kept changing for {@link #maxAttempts()} attempts
     */
    public Loaded<S> update(String id, Function<? super S, ? extends List<?>> command) {
        return update(id, EventMetadata.empty(), command);
    }

    /**
     * {@link #update(String, Function)}, with {@code metadata} (correlation and causation ids, headers) on
     * every event the command returns, unless it returns a {@link NewEvent} with metadata of its own.
     */
    public Loaded<S> update(String id, EventMetadata metadata, Function<? super S, ? extends List<?>> command) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(command, "command");
        StreamId stream = stream(id);
        for (int attempt = 1; ; attempt++) {
            Loaded<S> loaded = load(id);
            List<?> decided = command.apply(loaded.state());
            if (decided == null || decided.isEmpty()) {
                return loaded;
            }
            List<Object> events = withMetadata(decided, metadata);
            try {
                Loaded<S> updated = store.inTransaction(tx -> {
                    AppendResult result = tx.append(stream, ExpectedVersion.exactly(loaded.version()), events);
                    if (result.alreadyAppended()) {
                        // a retry of events stored before: the loaded state includes them already
                        return null;
                    }
                    S state = loaded.state();
                    for (Object event : events) {
                        Object record = event instanceof NewEvent known ? known.event() : event;
                        state = apply(state, store.catalog().eventType(record.getClass()).name(), record);
                    }
                    long version = result.nextExpectedVersion();
                    long snapshotVersion = loaded.snapshotVersion();
                    if (type.snapshotEvery() > 0 && version / type.snapshotEvery()
                            != loaded.version() / type.snapshotEvery()) {
                        snapshots.write(tx.connection(), type, stream, state, version);
                        snapshotVersion = version;
                    }
                    return new Loaded<>(state, version, snapshotVersion);
                });
                return updated != null ? updated : load(id);
            } catch (ConcurrencyConflictException conflict) {
                if (attempt >= maxAttempts) {
                    throw conflict;
                }
            } catch (SQLException e) {
                throw new EventStoreException("update the aggregate", stream, e);
            }
        }
    }

    /**
     * Writes a snapshot of the aggregate's current state now, whatever {@code snapshotEvery} says, in
     * place of the snapshot it had, whatever that was (a damaged one included). It holds the stream's
     * append lock from before it loads until the snapshot is written, so appends to the stream wait for
     * it and the snapshot is of the newest state.
     */
    public Loaded<S> snapshot(String id) {
        StreamId stream = stream(id);
        try {
            return store.inTransaction(tx -> {
                snapshots.lockStream(tx.connection(), stream);
                Loaded<S> loaded = load(tx.connection(), id, stream);
                snapshots.write(tx.connection(), type, stream, loaded.state(), loaded.version());
                return new Loaded<>(loaded.state(), loaded.version(), loaded.version());
            });
        } catch (SQLException e) {
            throw new EventStoreException("snapshot the aggregate", stream, e);
        }
    }

    /** The command's events, each with {@code metadata} unless it brings its own. */
    private static List<Object> withMetadata(List<?> events, EventMetadata metadata) {
        if (metadata.isEmpty()) {
            return new ArrayList<>(events);
        }
        List<Object> withMetadata = new ArrayList<>(events.size());
        for (Object event : events) {
            withMetadata.add(event instanceof NewEvent known ? known : NewEvent.of(event, metadata));
        }
        return withMetadata;
    }

    private S apply(S state, String eventName, Object event) {
        S next = type.apply(state, eventName, event);
        if (next == null) {
            throw new IllegalStateException("the @Apply method of " + type.stateType().getSimpleName() + " for "
                    + eventName + " returned null; it must return the next state");
        }
        return next;
    }
}
