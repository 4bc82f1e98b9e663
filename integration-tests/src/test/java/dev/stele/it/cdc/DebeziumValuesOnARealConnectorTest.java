package dev.stele.it.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.ColumnRef;
import dev.stele.cdc.DebeziumValues;
import dev.stele.cdc.TimestampUnit;
import dev.stele.test.TestDatabase;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Debezium 3.6.1's PostgreSQL connector really writes, read back through {@link DebeziumValues}: a row
 * with a column of each supported type and known values, and a row of nulls, captured by the embedded
 * engine (pgoutput, JSON without schemas) under the default handling modes and under the others, each column
 * converted to exactly the value inserted. One engine start per set of modes.
 */
class DebeziumValuesOnARealConnectorTest {

    private static final String TABLE = "cdc_values";
    private static final String SLOT = "stele_it_cdc_values";
    private static final String PUBLICATION = "stele_it_cdc_values_pub";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final Instant TSTZ = Instant.parse("2024-01-31T10:15:30.123456Z");
    /** Before 1970, so Debezium writes negative microseconds. */
    private static final LocalDateTime TS = LocalDateTime.parse("1969-07-20T20:17:40.000001");
    private static final LocalDateTime TS3 = LocalDateTime.parse("2024-01-31T10:15:30.123");
    private static final LocalDate DATE = LocalDate.parse("1969-12-31");
    /** 38 digits, negative. */
    private static final BigDecimal AMOUNT = new BigDecimal("-9999999999999999999999999999.9999999999");
    private static final BigDecimal NUMERIC = new BigDecimal("-12345678901234567890.123456789012345678901234567891");
    /**
     * Debezium writes a numeric without a scale with its trailing zeros stripped ({@code 2.50} comes as scale 1):
     * the same number, not the same scale.
     */
    private static final BigDecimal TRAILING_ZEROS = new BigDecimal("2.50");
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final byte[] BYTES = {0, 1, (byte) 0xfe, (byte) 0xff, 0x7f, (byte) 0x80};
    /** As PostgreSQL writes a jsonb, so the text comes back as it went in. */
    private static final String JSONB = "{\"a\": [1, \"ü €\", null, 2.50], \"b\": {\"c\": true}}";
    /** A json keeps its text as it is, spaces included. */
    private static final String JSON_TEXT = "[1,  2 , {\"x\":\"y\"}]";
    private static final String TEXT = "ü € 𝄞";

    private Connection sql;

    @BeforeEach
    void createTablePublicationAndSlot() throws SQLException {
        sql = TestDatabase.dataSource().getConnection();
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id int PRIMARY KEY, tstz timestamptz, ts timestamp, "
                    + "ts3 timestamp(3), d date, amount numeric(38,10), n numeric, n0 numeric, u uuid, b bytea, j jsonb, js json, "
                    + "t text)");
            statement.execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
            statement.execute("CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + TABLE);
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + SLOT + "'");
            statement.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        }
    }

    @AfterEach
    void dropSlotPublicationAndTable() throws Exception {
        try (Statement statement = sql.createStatement()) {
            // the engine's WAL sender may outlive close() by a moment; an active slot cannot be dropped
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                try (ResultSet slot = statement.executeQuery("SELECT active FROM pg_replication_slots WHERE slot_name = '"
                        + SLOT + "'")) {
                    if (!slot.next()) {
                        break;
                    }
                    if (!slot.getBoolean(1)) {
                        statement.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
                        break;
                    }
                }
                assertThat(System.nanoTime()).as("slot %s still active", SLOT).isLessThan(deadline);
                Thread.sleep(50);
            }
            statement.execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        } finally {
            sql.close();
        }
    }

    @Test
    void eachColumnConvertsToExactlyTheValueInsertedUnderTheDefaultHandlingModes() throws Exception {
        insertRows();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (String value : capture(2, Map.of())) {
            rows.add(after(value, TimestampUnit.MICROS, TimestampUnit.MILLIS, false, BinaryHandlingMode.BYTES));
        }

        assertRows(rows, TS);
    }

    /**
     * {@code time.precision.mode=connect} (Kafka Connect's millisecond timestamps: Debezium drops the
     * microseconds, towards the past), {@code decimal.handling.mode=string}, {@code binary.handling.mode=hex}.
     */
    @Test
    void eachColumnConvertsToExactlyTheValueInsertedUnderConnectTimeDecimalsAsTextAndHexBytes() throws Exception {
        insertRows();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (String value : capture(2, Map.of("time.precision.mode", "connect", "decimal.handling.mode", "string",
                "binary.handling.mode", "hex"))) {
            rows.add(after(value, TimestampUnit.MILLIS, TimestampUnit.MILLIS, true, BinaryHandlingMode.HEX));
        }

        assertRows(rows, TS.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void assertRows(List<Map<String, Object>> rows, LocalDateTime ts) {
        assertThat(rows).hasSize(2);
        Map<String, Object> full = rows.get(0);
        assertThat(full.get("id")).isEqualTo(1);
        assertThat(full.get("tstz")).isEqualTo(TSTZ);
        assertThat(full.get("ts")).isEqualTo(ts);
        assertThat(full.get("ts3")).isEqualTo(TS3);
        assertThat(full.get("d")).isEqualTo(DATE);
        assertThat(full.get("amount")).isEqualTo(AMOUNT);
        assertThat(full.get("n")).isEqualTo(NUMERIC);
        assertThat((BigDecimal) full.get("n0")).isEqualByComparingTo(TRAILING_ZEROS);
        assertThat(full.get("u")).isEqualTo(ID);
        assertThat((byte[]) full.get("b")).isEqualTo(BYTES);
        assertThat(full.get("j")).isEqualTo(JSONB);
        assertThat(full.get("js")).isEqualTo(JSON_TEXT);
        assertThat(full.get("t")).isEqualTo(TEXT);
        assertThat(full).hasSize(13);

        Map<String, Object> nulls = rows.get(1);
        assertThat(nulls).hasSize(13);
        nulls.forEach((column, value) -> assertThat(value).as(column).isEqualTo(column.equals("id") ? 2 : null));
    }

    private void insertRows() throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO " + TABLE
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::json, ?)")) {
            insert.setInt(1, 1);
            insert.setObject(2, TSTZ.atOffset(ZoneOffset.UTC));
            insert.setObject(3, TS);
            insert.setObject(4, TS3);
            insert.setObject(5, DATE);
            insert.setBigDecimal(6, AMOUNT);
            insert.setBigDecimal(7, NUMERIC);
            insert.setBigDecimal(8, TRAILING_ZEROS);
            insert.setObject(9, ID);
            insert.setBytes(10, BYTES);
            insert.setString(11, JSONB);
            insert.setString(12, JSON_TEXT);
            insert.setString(13, TEXT);
            insert.addBatch();
            insert.setInt(1, 2);
            for (int i = 2; i <= 13; i++) {
                insert.setNull(i, java.sql.Types.NULL);
            }
            insert.addBatch();
            insert.executeBatch();
        }
    }

    /** Starts the engine once, returns the first {@code count} change event values of the table, and stops it. */
    private static List<String> capture(int count, Map<String, String> modes) throws Exception {
        Matcher url = URL.matcher(TestDatabase.jdbcUrl());
        assertThat(url.matches()).as(TestDatabase.jdbcUrl()).isTrue();
        Properties props = new Properties();
        props.setProperty("name", "stele-it-cdc-values");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        props.setProperty("database.hostname", url.group(1));
        props.setProperty("database.port", url.group(2));
        props.setProperty("database.dbname", url.group(3));
        props.setProperty("database.user", "postgres");
        props.setProperty("database.password", "postgres");
        props.setProperty("topic.prefix", "it");
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", SLOT);
        props.setProperty("publication.name", PUBLICATION);
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("table.include.list", "public." + TABLE);
        props.setProperty("poll.interval.ms", "10");
        props.setProperty("converter.schemas.enable", "false");
        props.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        modes.forEach(props::setProperty);

        BlockingQueue<String> values = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "stele-it-debezium"));
        try (DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                .using(props)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                    }
                })
                .notifying(record -> {
                    if (record.value() != null) {
                        values.add(record.value());
                    }
                })
                .build()) {
            executor.execute(engine);
            List<String> captured = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (captured.size() < count && System.nanoTime() < deadline && failure.get() == null) {
                String value = values.poll(100, TimeUnit.MILLISECONDS);
                if (value != null) {
                    captured.add(value);
                }
            }
            assertThat(failure.get()).as("the engine's failure").isNull();
            assertThat(captured).as("change events captured").hasSize(count);
            return captured;
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).as("the engine stopped").isTrue();
        }
    }

    /**
     * The {@code after} row of a change event, each column converted through {@link DebeziumValues} as the
     * connector's handling modes wrote it; a JSON null is a null.
     */
    private static Map<String, Object> after(String value, TimestampUnit ts, TimestampUnit ts3, boolean decimalsAsText,
            BinaryHandlingMode binary) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(value)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Map<String, String> top = new HashMap<>();
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (field.equals("after")) {
                    assertThat(token).isEqualTo(JsonToken.START_OBJECT);
                    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                        parser.nextToken();
                        row.put(name, parser.currentToken() == JsonToken.VALUE_NULL ? null
                                : column(parser, new ColumnRef("public." + TABLE, name), ts, ts3, decimalsAsText, binary));
                    }
                } else {
                    top.put(field, token.isScalarValue() ? parser.getText() : null);
                    parser.skipChildren();
                }
            }
            assertThat(top.get("op")).isEqualTo("c");
        }
        return row;
    }

    private static Object column(JsonParser parser, ColumnRef column, TimestampUnit ts, TimestampUnit ts3,
            boolean decimalsAsText, BinaryHandlingMode binary) throws IOException {
        return switch (column.column()) {
            case "id" -> parser.getIntValue();
            case "tstz" -> DebeziumValues.instant(column, parser.getText());
            case "ts" -> DebeziumValues.localDateTime(column, parser.getLongValue(), ts);
            case "ts3" -> DebeziumValues.localDateTime(column, parser.getLongValue(), ts3);
            case "d" -> DebeziumValues.localDate(column, parser.getLongValue());
            case "amount" -> decimalsAsText ? DebeziumValues.decimalFromString(column, parser.getText())
                    : DebeziumValues.decimal(column, parser.getText(), 10);
            case "n", "n0" -> decimalsAsText ? DebeziumValues.decimalFromString(column, parser.getText())
                    : DebeziumValues.variableScaleDecimal(column, parser);
            case "u" -> DebeziumValues.uuid(column, parser.getText());
            case "b" -> DebeziumValues.bytes(column, parser.getText(), binary);
            case "j", "js" -> DebeziumValues.json(column, parser.getText());
            case "t" -> DebeziumValues.text(column, parser.getText());
            default -> throw new AssertionError("a column the table does not have: " + column);
        };
    }
}
