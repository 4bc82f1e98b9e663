package dev.stele.bench;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.store.AppendResult;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Eight threads appending one event at a time with {@link ExpectedVersion#any()} to eight hot streams,
 * each append to a stream picked at random, so appends to one stream overlap all the time. Besides
 * throughput it counts the store's internal retries: an append refused only because its transaction
 * is older than the stream's last writer is rolled back and tried again in a new transaction, so every
 * {@code Connection.rollback()} the store calls here is one retry (no event id repeats and no version
 * is expected, so nothing else is rolled back). Retries per 1,000 appends are printed after each
 * iteration and for the whole measurement.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(8)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreContentionBenchmark {

    static final int STREAMS = 8;

    private final LongAdder appends = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private long measuredAppends;
    private long measuredRollbacks;
    private int iteration;
    private EventStore store;
    private OrderPlaced event;
    private StreamId[] streams;

    @Setup(Level.Trial)
    public void setUp() {
        String schema = "bench_contention_" + Long.toString(System.nanoTime(), 36);
        store = EventStore.create(counting(Database.dataSource(), rollbacks), Catalog.load(),
                EventStoreOptions.defaults().withSchema(schema).withOutbox(false));
        event = Fixtures.orderWithThreeLines();
        streams = new StreamId[STREAMS];
        for (int i = 0; i < STREAMS; i++) {
            streams[i] = StreamId.of("order", "hot-" + i);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        appends.reset();
        rollbacks.reset();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long a = appends.sum();
        long r = rollbacks.sum();
        iteration++;
        // the first iterations are JMH's warm-up; the last five are measured
        if (iteration > 3) {
            measuredAppends += a;
            measuredRollbacks += r;
        }
        System.out.printf("%n[contention] iteration %d: %d appends, %d retries, %.1f retries per 1,000 appends%n",
                iteration, a, r, perThousand(r, a));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n[contention] measured: %d appends, %d retries, %.1f retries per 1,000 appends%n",
                measuredAppends, measuredRollbacks, perThousand(measuredRollbacks, measuredAppends));
    }

    private static double perThousand(long retries, long appends) {
        return appends == 0 ? 0 : retries * 1000.0 / appends;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AppendResult appendAnyToEightHotStreams() {
        StreamId stream = streams[ThreadLocalRandom.current().nextInt(STREAMS)];
        AppendResult result = store.append(stream, ExpectedVersion.any(), List.of(event));
        appends.increment();
        return result;
    }

    /** {@code pool} with each connection's {@code rollback()} counted. */
    static DataSource counting(DataSource pool, LongAdder rollbacks) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return counted(pool.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return counted(pool.getConnection(user, password));
            }

            private Connection counted(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
                                rollbacks.increment();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getLogger("dev.stele.bench");
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return pool.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return pool.isWrapperFor(type);
            }
        };
    }
}
