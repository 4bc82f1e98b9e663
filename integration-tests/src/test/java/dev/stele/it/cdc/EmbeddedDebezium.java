package dev.stele.it.cdc;

import dev.stele.test.TestDatabase;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.Header;
import io.debezium.engine.format.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Debezium 3.6.1 embedded engine on the test database: pgoutput on a slot and publication the test
 * makes first ({@link #createSlotAndPublication}), so nothing written after that is missed while the engine
 * starts; keys, values and headers in JSON ({@code DebeziumEngine.create(Json.class, Json.class, Json.class)}:
 * without the third format the engine drops every header). Each record is kept as the strings a Kafka consumer
 * would find (topic, key, value, headers) until {@link #await(int, Duration)} takes it.
 *
 * <p>The caller supplies what the capture is about on top of {@link #properties(String, String, String)}: the
 * {@code table.include.list}, transforms, converter settings ({@code converter.schemas.enable} applies to key,
 * value and headers alike). {@link #close()} stops the engine within 30 seconds or fails.
 *
 * <pre>{@code
 * EmbeddedDebezium.createSlotAndPublication(sql, "my_slot", "my_pub", "public.orders");
 * Properties props = EmbeddedDebezium.properties("my-test", "my_slot", "my_pub");
 * props.setProperty("table.include.list", "public.orders");
 * try (EmbeddedDebezium debezium = EmbeddedDebezium.start(props)) {
 *     ... write ...
 *     List<EmbeddedDebezium.Captured> records = debezium.await(2, Duration.ofSeconds(60));
 * }
 * EmbeddedDebezium.dropSlotAndPublication(sql, "my_slot", "my_pub");
 * }</pre>
 */
public final class EmbeddedDebezium implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One record as a consumer would see it: the topic (the engine's destination), key, value (null for a
     * tombstone) and headers, each the converter's text.
     */
    public record Captured(String topic, String key, String value, Map<String, String> headers) {

        public byte[] keyBytes() {
            return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        }

        public byte[] valueBytes() {
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }

        /** The headers as a Kafka consumer gets them: name to bytes. */
        public Map<String, byte[]> headerBytes() {
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            headers.forEach((name, text) -> bytes.put(name, text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
            return bytes;
        }
    }

    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService executor;
    private final BlockingQueue<Captured> records = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private EmbeddedDebezium(Properties properties) {
        this.engine = DebeziumEngine.create(Json.class, Json.class, Json.class)
                .using(properties)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
                    }
                })
                .notifying(this::collect)
                .build();
        this.executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "stele-it-debezium"));
        executor.execute(engine);
    }

    /** Starts an engine with {@code properties}, typically {@link #properties} plus the caller's settings. */
    public static EmbeddedDebezium start(Properties properties) {
        return new EmbeddedDebezium(properties);
    }

    /**
     * The settings every capture on the test database needs: the connection, {@code pgoutput} on
     * {@code slot} and {@code publication} (made beforehand, {@code publication.autocreate.mode=disabled}),
     * no initial snapshot ({@code snapshot.mode=no_data}), offsets and schema history in memory, topic prefix
     * {@code it}, a 10 ms poll interval.
     */
    public static Properties properties(String name, String slot, String publication) {
        Matcher url = URL.matcher(TestDatabase.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL with host, port and database: "
                    + TestDatabase.jdbcUrl());
        }
        Properties props = new Properties();
        props.setProperty("name", name);
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        props.setProperty("database.hostname", url.group(1));
        props.setProperty("database.port", url.group(2));
        props.setProperty("database.dbname", url.group(3));
        props.setProperty("database.user", "postgres");
        props.setProperty("database.password", "postgres");
        props.setProperty("topic.prefix", "it");
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", slot);
        props.setProperty("publication.name", publication);
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("poll.interval.ms", "10");
        props.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        return props;
    }

    /**
     * (Re)creates {@code publication} for {@code tables} (qualified names) and the logical slot {@code slot}
     * ({@code pgoutput}), dropping any left by an earlier run: what is written after this returns is captured.
     */
    public static void createSlotAndPublication(Connection sql, String slot, String publication, String... tables)
            throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP PUBLICATION IF EXISTS " + publication);
            statement.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + String.join(", ", tables));
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
            statement.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
    }

    /**
     * Drops {@code slot} and {@code publication}; waits up to 15 seconds for the engine's WAL sender, which
     * may outlive {@link #close()} by a moment, to release the slot.
     */
    public static void dropSlotAndPublication(Connection sql, String slot, String publication) throws Exception {
        try (Statement statement = sql.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                try (ResultSet row = statement.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '"
                        + slot + "'")) {
                    if (!row.next()) {
                        break;
                    }
                    if (!row.getBoolean(1)) {
                        statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("slot " + slot + " still active after 15 s");
                }
                Thread.sleep(50);
            }
            statement.execute("DROP PUBLICATION IF EXISTS " + publication);
        }
    }

    private void collect(ChangeEvent<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header<Object> header : record.<Object>headers()) {
            Object value = header.getValue();
            headers.put(header.getKey(), value == null ? null
                    : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString());
        }
        records.add(new Captured(record.destination(), record.key(), record.value(), headers));
    }

    /**
     * The next {@code count} records, in the order the engine delivered them.
     *
     * @throws AssertionError if the engine failed, or fewer arrived within {@code timeout} (saying how many)
     */
    public List<Captured> await(int count, Duration timeout) throws InterruptedException {
        List<Captured> captured = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (captured.size() < count) {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new AssertionError("the Debezium engine failed after " + captured.size() + " of " + count
                        + " records", failed);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + captured.size() + " of " + count + " records within " + timeout);
            }
            Captured record = records.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (record != null) {
                captured.add(record);
            }
        }
        return captured;
    }

    /** Records delivered but not yet taken by {@link #await}. */
    public int pending() {
        return records.size();
    }

    /** Stops the engine and its thread within 30 seconds; fails if it does not. */
    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            executor.shutdown();
            if (!executor.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
                throw new IllegalStateException("the Debezium engine did not stop within " + STOP_TIMEOUT);
            }
        }
    }
}
