package dev.stele.it.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DecimalHandlingMode;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.SkippedChange;
import dev.stele.cdc.TableChange;
import dev.stele.cdc.TimePrecisionMode;
import dev.stele.format.TableIndex;
import dev.stele.it.cdc.types.EveryTypeRemoved;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.it.cdc.types.EveryTypeTable;
import dev.stele.it.cdc.types.EveryTypeTruncated;
import dev.stele.test.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table with a column of every type a component takes, captured by the real Debezium 3.6.1 engine started from
 * the settings {@link DebeziumConnectorConfig} writes for its {@code @FromTable} records, each change mapped by
 * the generated mappings through {@link DebeziumChanges}: rows read by the initial snapshot, inserted, updated
 * (one with an unchanged TOASTed value), deleted (and its tombstone), the table truncated. Once per converter
 * form (with and without the schema envelope) and handling modes, compared with the values inserted.
 */
class TableChangesOnARealConnectorTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final String SLOT = "stele_it_cdc_tables";
    private static final String PUBLICATION = "stele_it_cdc_tables_pub";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Connection sql;

    @BeforeEach
    void createTable() throws Exception {
        sql = TestDatabase.dataSource().getConnection();
        EveryTypeTable.create(sql);
    }

    @AfterEach
    void dropTable() throws Exception {
        EmbeddedDebezium.dropSlotAndPublication(sql, SLOT, PUBLICATION);
        EveryTypeTable.drop(sql);
        sql.close();
    }

    @Test
    void defaultsWithSchemaEnvelope() throws Exception {
        assertEveryChangeMapped(DebeziumSettings.defaults(), true);
    }

    @Test
    void defaultsWithoutSchemaEnvelope() throws Exception {
        assertEveryChangeMapped(DebeziumSettings.defaults(), false);
    }

    @Test
    void connectTimeStringDecimalsHexBytesWithSchemaEnvelope() throws Exception {
        assertEveryChangeMapped(otherModes(), true);
    }

    @Test
    void connectTimeStringDecimalsHexBytesWithoutSchemaEnvelope() throws Exception {
        assertEveryChangeMapped(otherModes(), false);
    }

    @Test
    void doubleDecimalsAreRefusedAsInexactNamingTheColumn() throws Exception {
        DebeziumSettings doubles = DebeziumSettings.defaults().withDecimalHandling(DecimalHandlingMode.DOUBLE);
        List<EmbeddedDebezium.Captured> captured = capture(doubles, false);
        DebeziumChanges changes = DebeziumChanges.of(CATALOG, doubles);

        assertThatThrownBy(() -> changes.read(captured.get(0).value()))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ChangeEventException.Problem.INEXACT);
                    assertThat(e.column()).isEqualTo("amount");
                    assertThat(e.table()).isEqualTo(EveryTypeTable.TABLE);
                });
    }

    private static DebeziumSettings otherModes() {
        return new DebeziumSettings(TimePrecisionMode.CONNECT, DecimalHandlingMode.STRING, BinaryHandlingMode.HEX);
    }

    private void assertEveryChangeMapped(DebeziumSettings settings, boolean schemas) throws Exception {
        List<EmbeddedDebezium.Captured> captured = capture(settings, schemas);
        DebeziumChanges changes = DebeziumChanges.of(CATALOG, settings);
        boolean connect = settings.timePrecision() == TimePrecisionMode.CONNECT;

        List<String> snapshot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RowChange row = (RowChange) changes.read(captured.get(i).value());
            assertThat(row.operation()).isEqualTo(Operation.SNAPSHOT);
            assertThat(row.source().snapshot()).isTrue();
            snapshot.add(row.event(EveryTypeRow.class).describe());
        }
        assertThat(snapshot).containsExactlyInAnyOrder(expected(1, connect), expected(2, connect), expected(3, connect));
        for (int id = 4; id <= 5; id++) {
            RowChange row = (RowChange) changes.read(captured.get(id - 1).value());
            assertThat(row.operation()).isEqualTo(Operation.INSERT);
            assertThat(row.source().lsn()).isPresent();
            assertThat(row.event(EveryTypeRow.class).describe()).isEqualTo(expected(id, connect));
        }
        RowChange renamed = (RowChange) changes.read(captured.get(5).value());
        assertThat(renamed.operation()).isEqualTo(Operation.UPDATE);
        assertThat(renamed.event(EveryTypeRow.class).name()).isEqualTo("renamed");
        assertThatThrownBy(() -> changes.read(captured.get(6).value()))
                .as("an update leaving a TOASTed jsonb unchanged under the default replica identity")
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ChangeEventException.Problem.UNAVAILABLE);
                    assertThat(e.column()).isEqualTo("doc");
                    assertThat(e.component()).contains("EveryTypeRow.doc");
                    assertThat(e.lsn()).isPresent();
                })
                .hasMessageContaining("REPLICA IDENTITY FULL");
        RowChange removed = (RowChange) changes.read(captured.get(7).value());
        assertThat(removed.event()).isEqualTo(new EveryTypeRemoved(3));
        SkippedChange tombstone = (SkippedChange) changes.read(captured.get(8).value());
        assertThat(tombstone.reason()).isEqualTo(SkippedChange.Reason.TOMBSTONE);
        TableChange truncated = changes.read(captured.get(9).value());
        assertThat(((RowChange) truncated).event()).isEqualTo(new EveryTypeTruncated());
        assertThat(captured.get(0).value().startsWith("{\"schema\"")).isEqualTo(schemas);
    }

    /** The row's description as a connector in {@code connect} mode gives it: timestamps to the millisecond. */
    private static String expected(long id, boolean connect) {
        EveryTypeRow row = EveryTypeTable.edgeRow(id, id == 2);
        if (connect) {
            row = new EveryTypeRow(row.id(), row.flag(), row.small(), row.count(), row.realValue(), row.doubleValue(),
                    row.amount(), row.freeAmount(), row.name(), row.code(), row.tz(),
                    floorMillis(row.ts()), row.day(), row.ref(), row.doc(), row.raw(), row.mood(), row.tags(),
                    row.numbers(), row.note());
        }
        return row.describe();
    }

    private static java.time.LocalDateTime floorMillis(java.time.LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Rows 1 to 3 before the engine starts (row 2 with a TOASTed jsonb), then rows 4 and 5, an update of row 1's
     * name, one of row 2's, the delete of row 3 and a truncate: the ten records the engine delivers for them.
     */
    private List<EmbeddedDebezium.Captured> capture(DebeziumSettings settings, boolean schemas) throws Exception {
        for (long id = 1; id <= 3; id++) {
            EveryTypeTable.insert(sql, EveryTypeTable.edgeRow(id, id == 2));
        }
        EmbeddedDebezium.createSlotAndPublication(sql, SLOT, PUBLICATION, EveryTypeTable.TABLE);
        Map<String, String> generated = DebeziumConnectorConfig.defaults().withSlot(SLOT).withPublication(PUBLICATION)
                .withSettings(settings).withSchemas(schemas)
                .forTables(TableIndex.of(CATALOG.tableMappings().stream()
                        .filter(mapping -> mapping.table().equals(EveryTypeTable.TABLE)).collect(Collectors.toList())));
        Properties properties = EmbeddedDebezium.properties("it-tables", SLOT, PUBLICATION);
        // the generated settings as they are, but the connection (the test's database) and the converters: the
        // engine's Json format takes the JSON converter's settings under "converter." rather than "value.converter."
        generated.forEach((key, value) -> {
            if (!key.startsWith("database.") && !key.contains("converter")) {
                properties.setProperty(key, value);
            }
        });
        properties.setProperty("converter.schemas.enable", generated.get("value.converter.schemas.enable"));
        try (EmbeddedDebezium engine = EmbeddedDebezium.start(properties)) {
            List<EmbeddedDebezium.Captured> captured = new ArrayList<>(engine.await(3, TIMEOUT));
            for (long id = 4; id <= 5; id++) {
                EveryTypeTable.insert(sql, EveryTypeTable.edgeRow(id, false));
            }
            try (Statement statement = sql.createStatement()) {
                statement.execute("UPDATE " + EveryTypeTable.TABLE + " SET name = 'renamed' WHERE id = 1");
                statement.execute("UPDATE " + EveryTypeTable.TABLE + " SET name = 'renamed' WHERE id = 2");
                statement.execute("DELETE FROM " + EveryTypeTable.TABLE + " WHERE id = 3");
                statement.execute("TRUNCATE " + EveryTypeTable.TABLE);
            }
            captured.addAll(engine.await(7, TIMEOUT));
            return captured;
        }
    }
}
