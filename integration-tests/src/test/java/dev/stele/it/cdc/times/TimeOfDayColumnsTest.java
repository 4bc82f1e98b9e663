package dev.stele.it.cdc.times;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.TimePrecisionMode;
import dev.stele.demo.Database;
import dev.stele.format.TableIndex;
import dev.stele.it.cdc.EmbeddedDebezium;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code time}, {@code time(3)} and {@code timetz} columns read into {@code String} components: from Debezium (its
 * int32 milliseconds, int64 microseconds and ISO text, unit by the schema) and from Stele's slot (PostgreSQL's
 * text), the same text — PostgreSQL's way of writing a time, a {@code timetz} in UTC as Debezium writes it.
 * (Debezium 3.6.1 cannot read a {@code timetz} whose offset has seconds, such as {@code +00:30:15}: it logs an
 * error and sends null, so no row here has one.)
 */
class TimeOfDayColumnsTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final String TABLE = "public.it_time_of_day";
    private static final String SLOT = "stele_it_cdc_times";
    private static final String PUBLICATION = "stele_it_cdc_times_pub";
    private static final String INSERT = "INSERT INTO " + TABLE + " VALUES"
            + " (1, '10:15:30.123456', '10:15:30.123', '10:15:30.123456+05:30'),"
            + " (2, '00:00:00', '00:00:00', '00:00:00-08'),"
            + " (3, '24:00:00', '23:59:59.999', '23:59:59.5+00'),"
            + " (4, '07:08:09.5', '07:08:09.1', '07:08:09+00:30')";
    private static final List<String> EXPECTED = List.of(
            "1 10:15:30.123456 10:15:30.123 04:45:30.123456Z",
            "2 00:00:00 00:00:00 08:00:00Z",
            "3 24:00:00 23:59:59.999 23:59:59.5Z",
            "4 07:08:09.5 07:08:09.1 06:38:09Z");

    private Connection sql;

    @BeforeEach
    void createTable() throws Exception {
        sql = Database.dataSource().getConnection();
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, at time NOT NULL,"
                    + " at_milli time(3) NOT NULL, at_zone timetz NOT NULL)");
        }
    }

    @AfterEach
    void dropTable() throws Exception {
        EmbeddedDebezium.dropSlotAndPublication(sql, SLOT, PUBLICATION);
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        sql.close();
    }

    @Test
    void debeziumAdaptiveWithSchemasGivesPostgresText() throws Exception {
        assertThat(throughDebezium(DebeziumSettings.defaults())).isEqualTo(EXPECTED);
    }

    @Test
    void debeziumConnectModeGivesMilliseconds() throws Exception {
        assertThat(throughDebezium(DebeziumSettings.defaults().withTimePrecision(TimePrecisionMode.CONNECT)))
                .containsExactly("1 10:15:30.123 10:15:30.123 04:45:30.123456Z", EXPECTED.get(1),
                        "3 24:00:00 23:59:59.999 23:59:59.5Z", EXPECTED.get(3));
    }

    @Test
    void theSlotGivesTheSameTextAsDebezium() throws Exception {
        String schema = "cdc_times_" + ProcessHandle.current().pid();
        EventStoreOptions options = EventStoreOptions.defaults().withSchema(schema);
        EventStore.create(Database.dataSource(), CATALOG, options);
        TimeOfDayCollector collector = new TimeOfDayCollector();
        try (ProjectionRunner runner = ProjectionRunner.builder(Database.dataSource(),
                ReplicationConnection.of(Database.jdbcUrl())).slot(SLOT).publication(PUBLICATION).catalog(CATALOG)
                .storeOptions(options).projection(collector, ProjectionOptions.defaults()).build()) {
            runner.start();
            await(() -> runner.status().projection("it-time-of-day").map(ProjectionStatus::state)
                    .orElse(null) == ProjectionStatus.State.LIVE);
            execute(INSERT);
            await(() -> collector.received.size() == 4);
        }
        assertThat(collector.received.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id()))
                .map(TimeOfDayColumnsTest::describe).toList()).isEqualTo(EXPECTED);
    }

    private List<String> throughDebezium(DebeziumSettings settings) throws Exception {
        EmbeddedDebezium.createSlotAndPublication(sql, SLOT, PUBLICATION, TABLE);
        Map<String, String> generated = DebeziumConnectorConfig.defaults().withSlot(SLOT).withPublication(PUBLICATION)
                .withSettings(settings).forTables(TableIndex.of(CATALOG.tableMappings().stream()
                        .filter(mapping -> mapping.table().equals(TABLE)).collect(Collectors.toList())));
        Properties properties = EmbeddedDebezium.properties("it-times", SLOT, PUBLICATION);
        generated.forEach((key, value) -> {
            if (!key.startsWith("database.") && !key.contains("converter")) {
                properties.setProperty(key, value);
            }
        });
        properties.setProperty("converter.schemas.enable", "true");
        DebeziumChanges changes = DebeziumChanges.of(CATALOG, settings);
        List<String> rows = new ArrayList<>();
        try (EmbeddedDebezium engine = EmbeddedDebezium.start(properties)) {
            execute(INSERT);
            for (EmbeddedDebezium.Captured captured : engine.await(4, Duration.ofSeconds(60))) {
                rows.add(describe(((RowChange) changes.read(captured.value())).event(TimeOfDay.class)));
            }
        }
        return rows;
    }

    private static String describe(TimeOfDay row) {
        return row.id() + " " + row.at() + " " + row.atMilli() + " " + row.atZone();
    }

    private void execute(String statementText) throws Exception {
        try (Statement statement = sql.createStatement()) {
            statement.execute(statementText);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(50);
        }
    }
}
