package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.format.TableIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebeziumConnectorConfigTest {

    private final TableIndex tables = TableIndex.of(List.of(Customers.REGISTERED, Customers.REMOVED,
            Customers.REMOVED_FULLY));

    @Test
    void capturesExactlyTheMappedTablesColumnsAndOperations() {
        Map<String, String> config = DebeziumConnectorConfig.defaults().forTables(tables);

        assertThat(config).containsEntry("table.include.list", "public\\.accounts,public\\.customers")
                .containsEntry("column.include.list", "public\\.accounts\\.(email|id),public\\.customers\\.(active|"
                        + "avatar|balance|born|created_at|email|id|profile|ref|seen_at|tags|tier)")
                .containsEntry("skipped.operations", "t")
                .containsEntry("snapshot.mode", "initial")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("decimal.handling.mode", "precise")
                .containsEntry("time.precision.mode", "adaptive")
                .containsEntry("binary.handling.mode", "bytes")
                .containsEntry("value.converter.schemas.enable", "true");
    }

    @Test
    void noSnapshotRecordMeansNoInitialSnapshot() {
        Map<String, String> config = DebeziumConnectorConfig.defaults()
                .forTables(TableIndex.of(List.of(Customers.REMOVED, Customers.TRUNCATED)));

        assertThat(config).containsEntry("snapshot.mode", "no_data").containsEntry("skipped.operations", "c,u");
    }

    @Test
    void propertiesEscapeBackslashesAndJsonIsKafkaConnectsShape() {
        Map<String, String> config = DebeziumConnectorConfig.defaults().withName("crm").forTables(tables);

        assertThat(DebeziumConnectorConfig.toPropertiesText(config, "generated"))
                .startsWith("# generated\nname=crm\n")
                .contains("table.include.list=public\\\\.accounts,public\\\\.customers\n");
        assertThat(DebeziumConnectorConfig.toConnectJson(config))
                .startsWith("{\n  \"name\": \"crm\",\n  \"config\": {\n    \"name\": \"crm\",")
                .contains("\"table.include.list\": \"public\\\\.accounts,public\\\\.customers\"");
    }

    @Test
    void refusesWithoutTablesAndWithABadSlotName() {
        assertThatThrownBy(() -> DebeziumConnectorConfig.defaults().forTables(new TableIndex(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no @FromTable record");
        assertThatThrownBy(() -> DebeziumConnectorConfig.defaults().withSlot("Bad-Slot"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot 'Bad-Slot'");
    }

    @Test
    void tableIndexRoundTripsThroughItsJson() {
        String json = tables.toJson();

        TableIndex read = TableIndex.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");

        assertThat(read).isEqualTo(tables);
        assertThat(read.toJson()).isEqualTo(json);
        assertThat(json).contains("{\"table\": \"public.accounts\", \"operations\": [\"DELETE\"], \"columns\":"
                + " [\"email\", \"id\"], \"records\": [\"dev.stele.cdc.Customers$RemovedFully\"]}");
    }
}
