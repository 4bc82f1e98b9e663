package dev.stele.bench;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.store.AppendResult;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the outbox costs an append, per {@link OutboxMode} (docs/benchmarks.md, "Outbox relay"): appends of 1 and
 * of 10 events per transaction, in events per second, for
 * <ul>
 *   <li>{@code NONE}: the events alone, the baseline;</li>
 *   <li>{@code TABLE}: the store's default, outbox rows inserted and deleted again in the append's transaction;</li>
 *   <li>{@code MESSAGES}: a transactional {@code pg_logical_emit_message} per event instead of rows;</li>
 *   <li>{@code KEPT}: the alternative the store did not take, "keep the rows, purge them once relayed": the
 *       store in {@code TABLE} mode, its SQL unchanged, on an outbox table with a rule
 *       {@code ON DELETE DO INSTEAD NOTHING}, so the append's own delete removes nothing and the rows stay. What
 *       remains of the delete is its parse, rewrite and the bound id array (it is sent in the same round trip as
 *       the insert), so {@code KEPT} is if anything a little slower than a store that never sent it.</li>
 * </ul>
 * The purge that {@code KEPT} needs later is {@link #purge1000ById}: relayed rows deleted by id, 1,000 a
 * statement, from a table the invocation's setup filled (not timed). {@code KEPT}'s full cost per event is its
 * append's plus the purge's.
 *
 * <p>The event is {@link Fixtures#orderWithThreeLines()} (536 bytes of JSON), each append a new stream
 * ({@code noStream}), one schema per trial. The embedded server runs with fsync and synchronous_commit off, as
 * zonky configures it (as {@link StoreBenchmark}).
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class OutboxAppendBenchmark {

    static final int BATCH = 10;
    static final int PURGE_BATCH = 1000;

    /** A store in a schema of its own writing its outbox as {@link #mode}. */
    @State(Scope.Benchmark)
    public static class Appends {

        @Param({"NONE", "TABLE", "MESSAGES", "KEPT"})
        public String mode;

        EventStore store;
        String schema;
        long streams;
        StreamId stream;
        List<Object> one;
        List<Object> ten;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            schema = "bench_outbox_" + mode.toLowerCase() + "_" + Long.toString(System.nanoTime(), 36);
            boolean kept = mode.equals("KEPT");
            OutboxMode outbox = kept ? OutboxMode.TABLE : OutboxMode.valueOf(mode);
            store = EventStore.create(Database.dataSource(), Catalog.load(),
                    EventStoreOptions.defaults().withSchema(schema).withOutbox(outbox));
            if (kept) {
                execute("CREATE RULE keep_outbox AS ON DELETE TO " + schema + ".stele_outbox DO INSTEAD NOTHING");
            }
            // the mode does what it says: rows kept only by KEPT, none left by TABLE
            next();
            store.append(stream, ExpectedVersion.noStream(), ten);
            long rows = count("SELECT count(*) FROM " + schema + ".stele_outbox");
            Fixtures.check(rows == (kept ? BATCH : 0), mode + " leaves " + rows + " outbox rows after 10 events");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            System.out.printf("%n[outbox] %s: %d appends; outbox rows at the end %d%n", mode, streams,
                    count("SELECT count(*) FROM " + schema + ".stele_outbox"));
            execute("DROP SCHEMA " + schema + " CASCADE");
        }

        /** A new stream, and the event (which names its stream) for it: a record copy, the same in every mode. */
        void next() {
            String id = "s-" + streams++;
            stream = StreamId.of("order", id);
            Object event = Fixtures.orderWithThreeLines(id);
            one = List.of(event);
            ten = Collections.nCopies(BATCH, event);
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = Database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        private long count(String sql) throws SQLException {
            try (Connection connection = Database.dataSource().getConnection();
                    Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AppendResult append1PerTransaction(Appends state) {
        state.next();
        return state.store.append(state.stream, ExpectedVersion.noStream(), state.one);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public AppendResult append10PerTransaction(Appends state) {
        state.next();
        return state.store.append(state.stream, ExpectedVersion.noStream(), state.ten);
    }

    /**
     * The four modes in one fork, in turns: each invocation appends once in every mode, the order rotated, each
     * append timed; so all four share whatever else the machine does at the moment, which separate forks minutes
     * apart do not. Per iteration it prints each mode's events per second and its ratio to {@code NONE}; at the
     * end, the median ratios of the measured iterations. The score counts invocations (rounds of four appends).
     */
    @State(Scope.Benchmark)
    public static class Turns {

        static final String[] MODES = {"NONE", "TABLE", "MESSAGES", "KEPT"};

        final Appends[] stores = new Appends[MODES.length];
        final long[] nanos = new long[MODES.length];
        final List<List<Double>> ratios = new ArrayList<>();
        long rounds;
        int events;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            for (int m = 0; m < MODES.length; m++) {
                stores[m] = new Appends();
                stores[m].mode = MODES[m];
                stores[m].setUp();
                ratios.add(new ArrayList<>());
            }
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            java.util.Arrays.fill(nanos, 0);
            rounds = 0;
        }

        void round(int perTransaction) {
            events = perTransaction;
            int first = (int) (rounds++ % MODES.length);
            for (int k = 0; k < MODES.length; k++) {
                int m = (first + k) % MODES.length;
                Appends store = stores[m];
                store.next();
                List<Object> batch = perTransaction == 1 ? store.one : store.ten;
                long start = System.nanoTime();
                store.store.append(store.stream, ExpectedVersion.noStream(), batch);
                nanos[m] += System.nanoTime() - start;
            }
        }

        @TearDown(Level.Iteration)
        public void endIteration(org.openjdk.jmh.infra.IterationParams iteration) {
            boolean measured = iteration.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
            StringBuilder line = new StringBuilder(String.format("%n[turns] %s, %d rounds of %d events:",
                    measured ? "measured" : "warm-up", rounds, events));
            for (int m = 0; m < MODES.length; m++) {
                double ratio = (double) nanos[0] / nanos[m];
                if (measured) {
                    ratios.get(m).add(ratio);
                }
                line.append(String.format(" %s %.0f events/s (%.3f)", MODES[m], rounds * events / (nanos[m] / 1e9),
                        ratio));
            }
            System.out.println(line);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            StringBuilder line = new StringBuilder(String.format("%n[turns] %d events per append, ratio to NONE,"
                    + " median of the measured iterations (min-max):", events));
            for (int m = 0; m < MODES.length; m++) {
                List<Double> sorted = new ArrayList<>(ratios.get(m));
                sorted.sort(null);
                if (!sorted.isEmpty()) {
                    line.append(String.format(" %s %.3f (%.3f-%.3f);", MODES[m], sorted.get(sorted.size() / 2),
                            sorted.get(0), sorted.get(sorted.size() - 1)));
                }
            }
            System.out.println(line);
            for (Appends store : stores) {
                store.tearDown();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void append1InTurns(Turns state) {
        state.round(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void append10InTurns(Turns state) {
        state.round(BATCH);
    }

    /** An outbox table of {@code KEPT}'s shape, refilled with 1,000 rows before each purge. */
    @State(Scope.Benchmark)
    public static class Purge {

        String schema;
        Connection connection;
        PreparedStatement fill;
        PreparedStatement delete;
        Array ids;
        long purged;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            schema = "bench_purge_" + Long.toString(System.nanoTime(), 36);
            EventStore.create(Database.dataSource(), Catalog.load(),
                    EventStoreOptions.defaults().withSchema(schema).withOutbox(OutboxMode.TABLE));
            String payload = new String(Catalog.load().toJson(Fixtures.orderWithThreeLines()).payload(),
                    StandardCharsets.UTF_8);
            connection = Database.unpooled().getConnection();
            // the rows the store would have kept: the same columns and payload, ids as random as event ids
            fill = connection.prepareStatement("INSERT INTO " + schema + ".stele_outbox (id, aggregatetype,"
                    + " aggregateid, type, payload, event_version, metadata) SELECT gen_random_uuid(), 'order',"
                    + " 's-' || g, 'OrderPlaced', ?::jsonb, 3, '{}' FROM generate_series(1, " + PURGE_BATCH + ") g"
                    + " RETURNING id");
            fill.setString(1, payload);
            delete = connection.prepareStatement("DELETE FROM " + schema + ".stele_outbox WHERE id = ANY(?)");
        }

        @Setup(Level.Invocation)
        public void refill() throws SQLException {
            List<UUID> relayed = new ArrayList<>(PURGE_BATCH);
            try (ResultSet rows = fill.executeQuery()) {
                while (rows.next()) {
                    relayed.add(rows.getObject(1, UUID.class));
                }
            }
            ids = connection.createArrayOf("uuid", relayed.toArray());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT count(*) FROM " + schema + ".stele_outbox")) {
                rows.next();
                Fixtures.check(rows.getLong(1) == 0, "every row purged, " + rows.getLong(1) + " left");
                System.out.printf("%n[outbox] purge: %d rows deleted%n", purged);
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            connection.close();
        }
    }

    /** Relayed rows deleted by id, a batch of 1,000 in one statement (autocommit), in rows per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(PURGE_BATCH)
    public int purge1000ById(Purge state) throws SQLException {
        state.delete.setArray(1, state.ids);
        int rows = state.delete.executeUpdate();
        state.purged += rows;
        return rows;
    }
}
