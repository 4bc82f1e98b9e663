package dev.stele.store;

import dev.stele.catalog.Catalog;
import dev.stele.spi.EventType;
import dev.stele.store.internal.Appender;
import dev.stele.store.internal.Migrations;
import dev.stele.store.internal.Reader;
import dev.stele.store.internal.ServerErrors;
import dev.stele.store.internal.Snapshots;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The event store on PostgreSQL, over a {@link DataSource} the application owns: the store opens no
 * pool and no thread of its own.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Atomicity.</b> An append writes all its events (and outbox rows) in one transaction, or none.
 *     {@link #inTransaction} and {@link #append(Connection, StreamId, ExpectedVersion, List)} let an
 *     append commit together with the caller's own writes.</li>
 * <li><b>Optimistic concurrency.</b> A stream's events are numbered 1, 2, 3... without gaps. An append
 *     with an expected version that does not hold writes nothing and raises
 *     {@link ConcurrencyConflictException} with the actual version.</li>
 * <li><b>Idempotency.</b> Appending the same event ids to the same stream again writes nothing and
 *     returns the original positions ({@link AppendResult#alreadyAppended()}).</li>
 * <li><b>Ordering.</b> A stream reads in version order. {@code $all} reads in (transaction, position)
 *     order and only returns transactions no running transaction can precede, so a reader never skips an
 *     event whose transaction commits after it read past a later one; no clock or timeout is involved.</li>
 * <li><b>Transactions.</b> {@link #inTransaction} runs its work again in a new transaction when a
 *     deadlock or the transaction's age defeated it, a bounded number of times: the work may run more
 *     than once. Appending to several streams in one transaction locks them in the order of the appends;
 *     a consistent order avoids deadlocks.</li>
 * <li><b>Nothing skipped.</b> An event that cannot be decoded stops the read with
 *     {@link StoredEventException}, which names its position, stream and id; a batch of {@code $all}
 *     that stops hands over the events before it in {@link StoredEventException#readBefore()}.</li>
 * </ul>
 */
public final class EventStore {

    /** Attempts of an append refused only for its transaction's age, before the conflict is raised. */
    private static final int MAX_ORDER_RETRIES = 50;
    /** Attempts of {@link #inTransaction}'s work, when a deadlock or the transaction's age defeats it. */
    private static final int MAX_TRANSACTION_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final Catalog catalog;
    private final Tables tables;
    private final Appender appender;
    private final Reader reader;
    private final Snapshots snapshots;
    private final EventStoreOptions options;

    private EventStore(DataSource dataSource, Catalog catalog, EventStoreOptions options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = options;
        this.tables = new Tables(options.schema(), options.tablePrefix());
        this.appender = new Appender(tables, catalog, options.outboxMode());
        this.reader = new Reader(tables, catalog);
        this.snapshots = new Snapshots(tables);
    }

    /** A store with the default tables ({@code public.stele_*}, with an outbox), migrated to the current schema. */
    public static EventStore create(DataSource dataSource, Catalog catalog) {
        return create(dataSource, catalog, EventStoreOptions.defaults());
    }

    /**
     * A store over {@code dataSource}, after applying the schema migrations it lacks (safe when several
     * instances start at once).
     */
    public static EventStore create(DataSource dataSource, Catalog catalog, EventStoreOptions options) {
        EventStore store = new EventStore(dataSource, catalog, options);
        new Migrations(store.tables).apply(dataSource);
        return store;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Where the store's tables are. */
    public EventStoreOptions options() {
        return options;
    }

    /**
     * The repository of an {@code @Aggregate} type, found in the catalog by its state record.
     *
     * @throws dev.stele.catalog.CatalogException if {@code stateType} is not a generated aggregate
     */
    public <S> AggregateRepository<S> aggregates(Class<S> stateType) {
        return new AggregateRepository<>(this, catalog.aggregateType(stateType), snapshots, 10);
    }

    Reader reader() {
        return reader;
    }

    /** The data source the store was created with. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Appends {@code events} (event records or {@link NewEvent}s) to {@code stream} in a transaction of
     * its own. Appends to one stream take its lock and run one after the other; the lock is taken before
     * the transaction writes, so its transaction id is younger than that of every earlier append to the
     * stream, and concurrent appends are not refused for their transactions' age.
     *
     * @throws ConcurrencyConflictException if the stream is not at the expected version
     * @throws DuplicateEventException if some event ids exist already but not all, or in another stream, or
     *     the append holds an id twice (found before any SQL runs)
     * @throws StreamMismatchException if an event's {@code @StreamId} names another stream; nothing is written
     * @throws dev.stele.catalog.EventEncodingException if an event does not encode, or a string in it or in
     *     its metadata holds U+0000, which {@code jsonb} cannot store; found before any SQL runs
     */
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<?> events) {
        Appender.Batch batch = batch(stream, events);
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(stream, expected, batch);
            } catch (ConcurrencyConflictException conflict) {
                // the stream's last writer has a younger transaction id. An append takes the stream's lock before
                // its transaction has an id, so this only happens after a writer that did not take the lock (an
                // earlier release of Stele during an upgrade): the same append in a new, younger transaction
                // keeps $all in stream order.
                if (!conflict.olderTransaction() || attempt >= MAX_ORDER_RETRIES) {
                    throw conflict;
                }

            }
        }
    }

    /**
     * Appends {@code events} to the stream they name: in {@code category}, with the id their
     * {@code @StreamId} holds, which every event of the append must share. Otherwise as
     * {@link #append(StreamId, ExpectedVersion, List)}.
     *
     * @throws IllegalArgumentException if the first event has no {@code @StreamId}, or it holds null
     * @throws StreamMismatchException if another event names another stream
     */
    public AppendResult append(String category, ExpectedVersion expected, List<?> events) {
        return append(streamOf(category, events), expected, events);
    }

    private AppendResult appendOnce(StreamId stream, ExpectedVersion expected, Appender.Batch batch) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            boolean done = false;
            try {
                AppendResult result;
                try {
                    result = appender.append(connection, stream, expected, batch, false);
                } catch (SQLException e) {
                    if (!appender.isDuplicateId(e)) {
                        throw e;
                    }
                    connection.rollback();
                    result = appender.retried(connection, stream, batch);
                    if (result == null) {
                        throw e;
                    }
                }
                connection.commit();
                done = true;
                return result;
            } finally {
                if (!done) {
                    rollbackQuietly(connection);
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("append to", stream, e);
        }
    }

    /** {@code e} as the store raises it: a {@link DeadlockException} if it reports one. */
    private static EventStoreException failure(String operation, Object subject, SQLException e) {
        return ServerErrors.isDeadlock(e) ? new DeadlockException(operation, subject, e)
                : new EventStoreException(operation, subject, e);
    }

    /**
     * Appends within the caller's transaction on {@code connection}; the caller commits. A duplicate
     * event id found only by the database (a concurrent retry) aborts that transaction. The stream's lock
     * is held until the caller's transaction ends (one advisory lock per stream appended to, counted
     * against PostgreSQL's {@code max_locks_per_transaction}). If the transaction wrote before it appends,
     * it has its id already, and a younger transaction may have appended to the stream since: then the
     * append is refused with {@link ConcurrencyConflictException#olderTransaction()}, to retry in a new
     * transaction. Appends to several streams in one transaction take their locks in the order they are
     * made; two transactions that take them in opposite orders deadlock, and PostgreSQL rolls one back,
     * raised here as {@link DeadlockException}, to retry in a new transaction. Append to streams in a
     * consistent order to avoid it.
     */
    public AppendResult append(Connection connection, StreamId stream, ExpectedVersion expected, List<?> events) {
        Appender.Batch batch = batch(stream, events);
        try {
            return appender.append(connection, stream, expected, batch, true);
        } catch (SQLException e) {
            if (appender.isDuplicateId(e)) {
                throw new DuplicateEventException(stream, batch.events().stream().map(NewEvent::eventId).toList(),
                        "a concurrent append of the same ids won; the transaction is aborted, retry it");
            }
            throw failure("append to", stream, e);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed if it returns, rolled back if it throws.
     *
     * <p><b>{@code work} may run more than once.</b> When the transaction fails in a way a new one would
     * not — a deadlock ({@link DeadlockException}, or a {@link SQLException} of SQL state {@code 40P01}
     * from the caller's own statements), or an append refused for the transaction's age
     * ({@link ConcurrencyConflictException#olderTransaction()}) — it is rolled back and {@code work} runs
     * again in a new transaction, up to {@value #MAX_TRANSACTION_ATTEMPTS} times in all; then that failure
     * is raised. {@code work} is the whole unit of work, so running it again is safe as long as it acts
     * only through the transaction: do what must happen once (a message sent, a counter outside the
     * database) after this returns. Other failures, a version conflict included, are raised at once.
     *
     * <p>Appends to several streams take each stream's lock in the order they are made, until the
     * transaction ends: append to streams in a consistent order (sorted by stream, say) so that two
     * such transactions never wait for each other in a cycle.
     */
    public <R, X extends Exception> R inTransaction(TransactionCallback<R, X> work) throws X {
        Objects.requireNonNull(work, "work");
        for (int attempt = 1; ; attempt++) {
            try {
                return inOneTransaction(work);
            } catch (Exception e) {
                if (attempt >= MAX_TRANSACTION_ATTEMPTS || !worthAnotherTransaction(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether a new transaction doing the same work can succeed where this one failed. */
    private static boolean worthAnotherTransaction(Exception e) {
        return e instanceof ConcurrencyConflictException conflict ? conflict.olderTransaction()
                : e instanceof EventStoreException failure && failure.retryable() || ServerErrors.isDeadlock(e);
    }

    private <R, X extends Exception> R inOneTransaction(TransactionCallback<R, X> work) throws X {
        Connection connection = open("run a transaction");
        boolean autoCommit = true;
        boolean done = false;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new EventStoreException("begin a transaction", null, e);
        }
        try {
            R result = work.run(new OpenTransaction(this, connection));
            try {
                connection.commit();
            } catch (SQLException e) {
                throw failure("commit a transaction", null, e);
            }
            done = true;
            return result;
        } finally {
            // whatever the work threw, Errors included, it is rolled back: restoring autocommit on an
            // open transaction would commit it
            if (!done) {
                rollbackQuietly(connection);
            }
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection goes back to the pool, which resets or evicts it
            }
            closeQuietly(connection);
        }
    }

    private Connection open(String operation) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new EventStoreException(operation + ": no connection", null, e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs; a broken connection is the pool's to evict
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }

    /** The stream's version: its number of events, 0 if it has none. */
    public long version(StreamId stream) {
        try (Connection connection = dataSource.getConnection()) {
            return version(connection, stream);
        } catch (SQLException e) {
            throw new EventStoreException("read the version of", stream, e);
        }
    }

    /** The stream's version as the transaction on {@code connection} sees it. */
    long version(Connection connection, StreamId stream) {
        try {
            return reader.version(connection, stream);
        } catch (SQLException e) {
            throw failure("read the version of", stream, e);
        }
    }

    /**
     * Up to {@code max} events of {@code stream} from version {@code from} on, in version order.
     *
     * @throws StoredEventException if one of them cannot be read; nothing is returned then, since a list
     *     that stopped short would look like the stream's end
     */
    public List<RecordedEvent> readStream(StreamId stream, long from, int max) {
        return readStream(stream, from, max, true);
    }

    /** Up to {@code max} events of {@code stream} from version {@code from} back, newest first. */
    public List<RecordedEvent> readStreamBackwards(StreamId stream, long from, int max) {
        return readStream(stream, from, max, false);
    }

    private List<RecordedEvent> readStream(StreamId stream, long from, int max, boolean forward) {
        try (Connection connection = dataSource.getConnection()) {
            return readStream(connection, stream, from, max, forward);
        } catch (SQLException e) {
            throw new EventStoreException("read", stream, e);
        }
    }

    /** Events of {@code stream} as the transaction on {@code connection} sees them. */
    List<RecordedEvent> readStream(Connection connection, StreamId stream, long from, int max, boolean forward) {
        try {
            return reader.stream(connection, stream, from, max, forward);
        } catch (SQLException e) {
            throw failure("read", stream, e);
        }
    }

    /**
     * Up to {@code max} events of {@code $all} after {@code after}; continue from the slice's
     * {@link AllSlice#next()}. An empty slice means nothing more is visible yet.
     *
     * <p>An event that cannot be read stops the batch: this raises {@link StoredEventException} for it,
     * and the events of the batch before it are in {@link StoredEventException#readBefore()}, with where
     * to continue. Hand them on and continue from there: the next batch raises at the same event, until
     * it is dealt with. So a reader never loses the events before a bad one, and never skips it.
     */
    public AllSlice readAll(Position after, int max) {
        try (Connection connection = dataSource.getConnection()) {
            return reader.all(connection, after, max);
        } catch (SQLException e) {
            throw new EventStoreException("read", "$all after " + after, e);
        }
    }

    /**
     * Hands every event of {@code $all} after {@code after} that is visible now to {@code sink}, in
     * {@code $all} order, from one streaming query: the way to catch up or rebuild from a position.
     * Returns the position of the last event handed over ({@code after} if none), to continue from with
     * either form of {@code readAll}. An exception from {@code sink} stops the read and propagates. An
     * event that cannot be read stops it too, with {@link StoredEventException}, after every event before
     * it was handed to {@code sink}.
     */
    public Position readAll(Position after, Consumer<? super RecordedEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return reader.all(connection, after, 1000, sink);
            } finally {
                rollbackQuietly(connection);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new EventStoreException("read", "$all after " + after, e);
        }
    }

    /**
     * {@code events} as {@link NewEvent}s, each checked against the stream (an event whose
     * {@code @StreamId} names another stream is a {@link StreamMismatchException}), and encoded: all
     * before any SQL runs.
     */
    private Appender.Batch batch(StreamId stream, List<?> events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event");
        }
        List<NewEvent> batch = new ArrayList<>(events.size());
        for (Object given : events) {
            batch.add(given instanceof NewEvent known ? known : NewEvent.of(Objects.requireNonNull(given, "event")));
        }
        return appender.encode(stream, batch);
    }

    /** The stream {@code events} name in their {@code @StreamId}, in {@code category}. */
    StreamId streamOf(String category, List<?> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event");
        }
        Object first = events.get(0) instanceof NewEvent known ? known.event() : events.get(0);
        EventType<?> type = catalog.eventType(Objects.requireNonNull(first, "event").getClass());
        String id = type.hasStreamId() ? type.streamIdOf(first) : null;
        if (id == null) {
            throw new IllegalArgumentException(type.name() + (type.hasStreamId() ? " holds no stream id in its"
                    + " @StreamId (it is null)" : " has no @StreamId") + ", so the append must name its stream:"
                    + " append(StreamId.of(\"" + category + "\", id), ...)");
        }
        return StreamId.of(category, id);
    }

}
