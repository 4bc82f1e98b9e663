package dev.stele.bench;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.demo.Database;
import dev.stele.format.TableIndex;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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
import java.util.stream.Collectors;

/**
 * Captures, once, the messages {@link DebeziumMappingBenchmark} reads: the real Debezium 3.6.1 embedded engine
 * (pgoutput, started from the settings {@link DebeziumConnectorConfig} writes for {@link BenchCustomerRow}) on
 * {@link BenchCustomers#ROWS} inserted rows of {@code public.bench_customers} and {@link BenchCustomers#UPDATES}
 * updates, once with the schema envelope and once without; each change event's value is written as one line of
 * {@code bench/debezium-customers-envelope.jsonl} and {@code bench/debezium-customers-plain.jsonl} under the
 * directory given (default {@code src/main/resources}). Run from {@code integration-tests}:
 *
 * <pre>
 * mvn -q -o compile exec:java -Dexec.mainClass=dev.stele.bench.DebeziumMessagesCapture
 * </pre>
 */
public final class DebeziumMessagesCapture {

    static final int ROWS = 300;
    static final int UPDATES = 100;
    static final String ENVELOPE = "bench/debezium-customers-envelope.jsonl";
    static final String PLAIN = "bench/debezium-customers-plain.jsonl";

    private static final String SLOT = "stele_bench_capture";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private DebeziumMessagesCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources");
        Files.createDirectories(root.resolve("bench"));
        write(root.resolve(ENVELOPE), capture(true));
        write(root.resolve(PLAIN), capture(false));
        System.exit(0);
    }

    private static void write(Path file, List<String> values) throws Exception {
        for (String value : values) {
            Fixtures.check(value.indexOf('\n') < 0, "one line per message");
        }
        Files.write(file, values, StandardCharsets.UTF_8);
        System.out.println(values.size() + " messages to " + file);
    }

    private static List<String> capture(boolean schemas) throws Exception {
        try (Connection sql = Database.unpooled().getConnection(); Statement statement = sql.createStatement()) {
            BenchCustomers.create(sql);
            statement.execute("DROP PUBLICATION IF EXISTS " + SLOT);
            statement.execute("CREATE PUBLICATION " + SLOT + " FOR TABLE " + BenchCustomers.TABLE);
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + SLOT + "'");
            statement.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
            for (long id = 1; id <= ROWS; id++) {
                BenchCustomers.insert(sql, BenchCustomers.row(id));
            }
            for (long id = 1; id <= UPDATES; id++) {
                statement.execute("UPDATE " + BenchCustomers.TABLE + " SET email = 'changed" + id
                        + "@example.org', login_count = login_count + 1, last_seen = last_seen + interval '1 day'"
                        + " WHERE id = " + (id * 3));
            }
            List<String> values = run(schemas, ROWS + UPDATES);
            dropSlot(statement);
            BenchCustomers.drop(sql);
            return values;
        }
    }

    private static List<String> run(boolean schemas, int count) throws Exception {
        Catalog catalog = Catalog.load();
        Map<String, String> generated = DebeziumConnectorConfig.defaults().withSlot(SLOT).withPublication(SLOT)
                .withSchemas(schemas).forTables(TableIndex.of(catalog.tableMappings().stream()
                        .filter(mapping -> mapping.table().equals(BenchCustomers.TABLE)).collect(Collectors.toList())));
        Matcher url = URL.matcher(Database.jdbcUrl());
        Fixtures.check(url.matches(), "a JDBC URL Debezium can be given: " + Database.describe());
        Properties props = new Properties();
        // the generated settings as they are, but the connection and the converters: the engine's Json format
        // takes the JSON converter's settings under "converter." rather than "value.converter."
        generated.forEach((key, value) -> {
            if (!key.startsWith("database.") && !key.contains("converter")) {
                props.setProperty(key, value);
            }
        });
        props.setProperty("converter.schemas.enable", generated.get("value.converter.schemas.enable"));
        props.setProperty("name", "bench-capture");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        props.setProperty("database.hostname", url.group(1));
        props.setProperty("database.port", url.group(2));
        props.setProperty("database.dbname", url.group(3));
        props.setProperty("database.user", "postgres");
        props.setProperty("database.password", "postgres");
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("poll.interval.ms", "10");
        props.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");

        BlockingQueue<String> records = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                .using(props)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
                    }
                })
                .notifying(record -> records.add(record.value()))
                .build();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.execute(engine);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (values.size() < count) {
                Fixtures.check(failure.get() == null, "the engine runs: " + failure.get());
                Fixtures.check(System.nanoTime() < deadline, values.size() + " of " + count + " messages in 120 s");
                String value = records.poll(100, TimeUnit.MILLISECONDS);
                if (value != null) {
                    values.add(value);
                }
            }
        } finally {
            engine.close();
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        }
        return values;
    }

    private static void dropSlot(Statement statement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (ResultSet row = statement.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '"
                    + SLOT + "'")) {
                if (!row.next()) {
                    break;
                }
                if (!row.getBoolean(1)) {
                    statement.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
                    break;
                }
            }
            Fixtures.check(System.nanoTime() < deadline, "slot released within 15 s");
            Thread.sleep(50);
        }
        statement.execute("DROP PUBLICATION IF EXISTS " + SLOT);
    }
}
