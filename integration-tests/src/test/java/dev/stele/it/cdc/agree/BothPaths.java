package dev.stele.it.cdc.agree;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DecimalHandlingMode;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.TableChange;
import dev.stele.format.TableIndex;
import dev.stele.it.cdc.EmbeddedDebezium;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.it.cdc.types.EveryTypeTable;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.test.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** What the agreement property runs on: the table, Debezium's engine on its slot, the runner on Stele's. */
final class BothPaths {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BothPaths() {
    }

    /**
     * One value of Debezium's engine, mapped by {@link DebeziumChanges} under the default settings the engine ran
     * with, and under {@code decimal.handling.mode=string} and {@code binary.handling.mode=hex}: with the schema
     * envelope on, the schema names the logical types, so the other settings should read it alike.
     */
    record Mapped(EveryTypeRow defaults, EveryTypeRow stringHex) {
    }

    /** The table, Debezium's engine on its own slot and the runner on Stele's; made on first use, once. */
    static final class Fixture {

        private static final Catalog CATALOG = Catalog.load();
        private static final DataSource DATA_SOURCE = TestDatabase.dataSource();
        private static final String SUFFIX = "_" + ProcessHandle.current().pid();
        private static final String DEBEZIUM_SLOT = "it_agree_dbz" + SUFFIX;
        private static final String DEBEZIUM_PUBLICATION = "it_agree_dbz_pub" + SUFFIX;
        private static final String STELE_SLOT = "it_agree_stele" + SUFFIX;
        private static final String SCHEMA = "cdc_agree" + SUFFIX;
        private static Fixture started;

        final Connection sql;
        private final EmbeddedDebezium engine;
        private final DebeziumChanges changes = DebeziumChanges.of(CATALOG, DebeziumSettings.defaults());
        private final DebeziumChanges stringHexChanges = DebeziumChanges.of(CATALOG, new DebeziumSettings(
                DebeziumSettings.defaults().timePrecision(), DecimalHandlingMode.STRING, BinaryHandlingMode.HEX));
        private final Map<Long, List<Mapped>> fromDebezium = new ConcurrentHashMap<>();
        private final EveryTypeCollector collector = new EveryTypeCollector();
        private final ProjectionRunner runner;

        private Fixture() throws Exception {
            sql = DATA_SOURCE.getConnection();
            EveryTypeTable.create(sql);
            EmbeddedDebezium.createSlotAndPublication(sql, DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION, EveryTypeTable.TABLE);
            engine = EmbeddedDebezium.start(debeziumProperties());
            EventStoreOptions options = EventStoreOptions.defaults().withSchema(SCHEMA);
            ProjectionRunner built = null;
            try {
                EventStore.create(DATA_SOURCE, CATALOG, options);
                built = ProjectionRunner.builder(DATA_SOURCE, ReplicationConnection.of(TestDatabase.jdbcUrl()))
                        .slot(STELE_SLOT).catalog(CATALOG).storeOptions(options)
                        .projection(collector, ProjectionOptions.defaults()).build();
                built.start();
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (built.status().projection("it-every-type-collector").map(ProjectionStatus::state)
                        .orElse(null) != ProjectionStatus.State.LIVE) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the runner is not live within " + TIMEOUT + ": " + built.status());
                    }
                    Thread.sleep(20);
                }
            } catch (Exception | AssertionError e) {
                try {
                    if (built != null) {
                        built.close();
                    }
                    engine.close();
                    sql.close();
                } catch (Exception stopping) {
                    e.addSuppressed(stopping);
                }
                throw e;
            }
            runner = built;
        }

        static synchronized Fixture get() throws Exception {
            if (started == null) {
                try {
                    started = new Fixture();
                } catch (Exception | AssertionError e) {
                    try (Connection connection = DATA_SOURCE.getConnection()) {
                        dropEverything(connection);
                    } catch (Exception cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    throw e;
                }
            }
            return started;
        }

        static synchronized void closeIfStarted() throws Exception {
            if (started != null) {
                started.close();
                started = null;
            }
        }

        /** The generated connector settings as they are, but the connection and the converters (see below). */
        private static Properties debeziumProperties() {
            Map<String, String> generated = DebeziumConnectorConfig.defaults().withSlot(DEBEZIUM_SLOT)
                    .withPublication(DEBEZIUM_PUBLICATION).withSettings(DebeziumSettings.defaults()).withSchemas(true)
                    .forTables(TableIndex.of(CATALOG.tableMappings().stream()
                            .filter(mapping -> mapping.table().equals(EveryTypeTable.TABLE))
                            .collect(Collectors.toList())));
            Properties properties = EmbeddedDebezium.properties("it-agree", DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION);
            // the engine's Json format takes the JSON converter's settings under "converter.", not "value.converter."
            generated.forEach((key, value) -> {
                if (!key.startsWith("database.") && !key.contains("converter")) {
                    properties.setProperty(key, value);
                }
            });
            properties.setProperty("converter.schemas.enable", generated.get("value.converter.schemas.enable"));
            return properties;
        }

        /**
         * The first record Debezium's engine gave for row {@code id} that {@code wanted} accepts, mapped under the
         * settings it ran with and once more under string decimals and hex bytes.
         */
        Mapped debeziumRecord(long id, Predicate<EveryTypeRow> wanted) throws Exception {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Optional<Mapped> found = fromDebezium.getOrDefault(id, List.of()).stream()
                        .filter(mapped -> wanted.test(mapped.defaults())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no record of row " + id + " from Debezium within " + TIMEOUT);
                }
                int pending = Math.max(1, engine.pending());
                for (EmbeddedDebezium.Captured captured : engine.await(pending, TIMEOUT)) {
                    TableChange change = changes.read(captured.value());
                    if (change instanceof RowChange row && row.event() instanceof EveryTypeRow record) {
                        EveryTypeRow stringHex = ((RowChange) stringHexChanges.read(captured.value()))
                                .event(EveryTypeRow.class);
                        fromDebezium.computeIfAbsent(record.id(), any -> new CopyOnWriteArrayList<>())
                                .add(new Mapped(record, stringHex));
                    }
                }
            }
        }

        /** The first record the slot's projection received for row {@code id} that {@code wanted} accepts. */
        EveryTypeRow slotRecord(long id, Predicate<EveryTypeRow> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Optional<EveryTypeRow> found = collector.received(id).stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no record of row " + id + " through the slot within " + TIMEOUT + ": "
                            + runner.status());
                }
                Thread.sleep(2);
            }
        }

        private void close() throws Exception {
            try (Connection connection = sql) {
                try {
                    runner.close();
                } finally {
                    engine.close();
                }
                dropEverything(connection);
            }
        }

        /** Both slots and publications (once their WAL senders let go), the table and the store's schema. */
        private static void dropEverything(Connection connection) throws Exception {
            EmbeddedDebezium.dropSlotAndPublication(connection, DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION);
            EmbeddedDebezium.dropSlotAndPublication(connection, STELE_SLOT, STELE_SLOT);
            EveryTypeTable.drop(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }
}
