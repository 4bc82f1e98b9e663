package dev.stele.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.Order;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import dev.stele.store.AggregateRepository;
import dev.stele.store.AllSlice;
import dev.stele.store.AppendResult;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.Loaded;
import dev.stele.store.Position;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The event store against raw JDBC on the same embedded PostgreSQL, in one run: appends of 1 and 100
 * events per transaction against a raw batch insert of the same rows into the same table (for 100 also
 * in turns within one fork, {@link #append100AndRawBatch100Paired}), {@code $all}
 * replay against a raw streaming select of the same rows, and aggregate loads of 10,000 events with
 * and without a snapshot. Figures are events per second (appends, replay) or milliseconds per load.
 * The embedded server runs with fsync and synchronous_commit off, as zonky configures it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreBenchmark {

    static final int BATCH = 100;
    static final int REPLAY = 20_000;
    static final int AGGREGATE_EVENTS = 10_000;

    private static final String INSERT = "INSERT INTO %s.stele_events (event_id, stream_category, stream_id,"
            + " stream_version, event_name, event_version, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb,"
            + " '{}'::jsonb)";

    private HikariDataSource raw;
    private EventStore appends;
    private EventStore replay;
    private AggregateRepository<Order> orders;
    private String appendSchema;
    private String replaySchema;
    private OrderPlaced event;
    private String payload;
    private long streams;
    private long pairs;
    private long storeNanos;
    private long rawNanos;
    private final List<Double> pairedRatios = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Catalog catalog = Catalog.load();
        String run = Long.toString(System.nanoTime(), 36);
        appendSchema = "bench_append_" + run;
        replaySchema = "bench_replay_" + run;
        appends = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema(appendSchema).withOutbox(false));
        replay = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema(replaySchema).withOutbox(false));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Database.jdbcUrl() + (Database.jdbcUrl().contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true");
        config.setMaximumPoolSize(2);
        raw = new HikariDataSource(config);
        event = Fixtures.orderWithThreeLines();
        payload = new String(catalog.toJson(event).payload(), StandardCharsets.UTF_8);

        for (int i = 0; i < REPLAY / BATCH; i++) {
            replay.append(StreamId.of("order", "replay-" + i), ExpectedVersion.noStream(), batch("replay-" + i));
        }
        orders = appends.aggregates(Order.class);
        for (String id : List.of("plain", "snapshotted")) {
            List<Object> history = new ArrayList<>();
            history.add(new OrderPlaced(new OrderId(id), event.customerId(), event.customerEmail(), 1_000_000_000L,
                    "EUR", event.placedAt(), Channel.WEB, List.of(), Optional.empty(), Shipping.STANDARD));
            while (history.size() < AGGREGATE_EVENTS) {
                history.add(new OrderPaid(new OrderId(id), "pay-" + history.size(), 1, event.placedAt()));
            }
            for (int from = 0; from < history.size(); from += 1000) {
                appends.append(orders.stream(id), ExpectedVersion.exactly(from),
                        history.subList(from, Math.min(history.size(), from + 1000)));
            }
        }
        orders.snapshot("snapshotted");
        try (Connection connection = raw.getConnection()) {
            // statistics as autovacuum would have gathered them on a table that grew this much
            connection.createStatement().execute("ANALYZE " + appendSchema + ".stele_events");
            connection.createStatement().execute("ANALYZE " + replaySchema + ".stele_events");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (!pairedRatios.isEmpty()) {
            List<Double> sorted = new ArrayList<>(pairedRatios);
            sorted.sort(null);
            System.out.printf("%n[paired] store/raw in the %d measured iterations: min %.3f, median %.3f, max %.3f%n",
                    sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
        try (Connection connection = raw.getConnection()) {
            connection.createStatement().execute("DROP SCHEMA " + appendSchema + " CASCADE");
            connection.createStatement().execute("DROP SCHEMA " + replaySchema + " CASCADE");
        }
        raw.close();
    }

    /** {@value #BATCH} copies of the event, for stream {@code order-<id>} (the store refuses another stream's). */
    private static List<Object> batch(String id) {
        OrderPlaced event = Fixtures.orderWithThreeLines(id);
        List<Object> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            events.add(event);
        }
        return events;
    }

    // appends

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AppendResult append1PerTransaction() {
        String id = "one-" + streams++;
        return appends.append(StreamId.of("order", id), ExpectedVersion.noStream(), List.of(Fixtures.orderWithThreeLines(id)));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int rawInsert1PerTransaction() throws SQLException {
        return rawInsert(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public AppendResult append100PerTransaction() {
        String id = "batch-" + streams++;
        return appends.append(StreamId.of("order", id), ExpectedVersion.noStream(), batch(id));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int rawBatchInsert100PerTransaction() throws SQLException {
        return rawInsert(BATCH);
    }

    /**
     * {@link #append100PerTransaction} and {@link #rawBatchInsert100PerTransaction} in turns, in one
     * fork, each timed: the two sides share whatever else the machine is doing at the time, which
     * separate forks minutes apart do not. The order alternates, so neither always runs first. The
     * score counts pairs; the ratio, raw time over store time (the store's throughput as a fraction of
     * the raw batch's), is printed after every iteration and, as the median of the measured
     * iterations, at the end.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int append100AndRawBatch100Paired() throws SQLException {
        boolean storeFirst = (pairs++ & 1) == 0;
        if (!storeFirst) {
            rawNanos -= System.nanoTime();
            rawInsert(BATCH);
            rawNanos += System.nanoTime();
        }
        storeNanos -= System.nanoTime();
        String id = "paired-" + streams++;
        appends.append(StreamId.of("order", id), ExpectedVersion.noStream(), batch(id));
        storeNanos += System.nanoTime();
        if (storeFirst) {
            rawNanos -= System.nanoTime();
            rawInsert(BATCH);
            rawNanos += System.nanoTime();
        }
        return BATCH;
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        pairs = 0;
        storeNanos = 0;
        rawNanos = 0;
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        if (pairs > 0) {
            double ratio = (double) rawNanos / storeNanos;
            boolean measured = iteration.getType() == IterationType.MEASUREMENT;
            if (measured) {
                pairedRatios.add(ratio);
            }
            System.out.printf("%n[paired] %s, %d pairs: store %.0f, raw %.0f events/s, store/raw %.3f%n",
                    measured ? "measured" : "warm-up", pairs, pairs * BATCH / (storeNanos / 1e9),
                    pairs * BATCH / (rawNanos / 1e9), ratio);
        }
    }

    /** The same rows, into the same table, as one JDBC batch in one transaction. */
    private int rawInsert(int count) throws SQLException {
        String stream = "raw-" + streams++;
        try (Connection connection = raw.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(String.format(INSERT, appendSchema))) {
                for (int i = 1; i <= count; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "order");
                    insert.setString(3, stream);
                    insert.setLong(4, i);
                    insert.setString(5, "OrderPlaced");
                    insert.setInt(6, 3);
                    insert.setString(7, payload);
                    insert.addBatch();
                }
                int rows = insert.executeBatch().length;
                connection.commit();
                return rows;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    // replay

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPLAY)
    public Position replayAll(Blackhole sink) {
        return replay.readAll(Position.START, sink::consume);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPLAY)
    public void replayAllInBatches(Blackhole sink) {
        Position cursor = Position.START;
        AllSlice slice;
        do {
            slice = replay.readAll(cursor, 1000);
            slice.events().forEach(sink::consume);
            cursor = slice.next();
        } while (!slice.isEmpty());
    }

    /** The same rows as a streaming select, every column read, the payload left as text. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPLAY)
    public void rawStreamingSelect(Blackhole sink) throws SQLException {
        try (Connection connection = raw.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT global_position,"
                    + " transaction_id::text, event_id, stream_category, stream_id, stream_version, event_name,"
                    + " event_version, payload::text, metadata::text, recorded_at FROM " + replaySchema
                    + ".stele_events ORDER BY transaction_id, global_position")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.consume(rows.getLong(1));
                        sink.consume(rows.getString(2));
                        sink.consume(rows.getObject(3));
                        sink.consume(rows.getString(4));
                        sink.consume(rows.getString(5));
                        sink.consume(rows.getLong(6));
                        sink.consume(rows.getString(7));
                        sink.consume(rows.getInt(8));
                        sink.consume(rows.getString(9));
                        sink.consume(rows.getString(10));
                        sink.consume(rows.getTimestamp(11));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    // aggregate loads

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Loaded<Order> load10000EventsWithoutSnapshot() {
        return orders.load("plain");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Loaded<Order> load10000EventsFromSnapshot() {
        return orders.load("snapshotted");
    }
}
