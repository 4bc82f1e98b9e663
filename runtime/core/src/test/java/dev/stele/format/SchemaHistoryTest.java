package dev.stele.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

    private static final Schema V1_FIRST = SchemaBuilder.record("OrderPlaced").namespace("stele.v1").fields()
            .requiredString("orderId").requiredLong("amount").endRecord();
    private static final Schema V1_SECOND = SchemaBuilder.record("OrderPlaced").namespace("stele.v1").fields()
            .requiredString("orderId").requiredLong("amount").optionalString("note").endRecord();
    private static final Schema DECIMALS = SchemaBuilder.record("Paid").namespace("stele.v1").fields()
            .name("total").type(ValueType.decimalSchema(38, 10)).noDefault()
            .name("at").type(ValueType.INSTANT.schema()).noDefault()
            .endRecord();

    private static final SchemaHistory HISTORY = new SchemaHistory(List.of(
            SchemaHistory.Entry.of("Paid", 1, "", DECIMALS),
            SchemaHistory.Entry.of("OrderPlaced", 1, "1.0.0", V1_FIRST),
            SchemaHistory.Entry.of("OrderPlaced", 1, "1.1.0", V1_SECOND)));

    @Test
    void whatTheWriterWritesTheReaderReadsBackWithLogicalTypesAndFingerprints() {
        SchemaHistory read = SchemaHistory.read(HISTORY.toJson(), "test");

        assertThat(read.entries()).extracting(SchemaHistory.Entry::name, SchemaHistory.Entry::version,
                SchemaHistory.Entry::release).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OrderPlaced", 1, "1.0.0"),
                        org.assertj.core.groups.Tuple.tuple("OrderPlaced", 1, "1.1.0"),
                        org.assertj.core.groups.Tuple.tuple("Paid", 1, ""));
        assertThat(read.entries()).extracting(SchemaHistory.Entry::schema)
                .containsExactly(V1_FIRST, V1_SECOND, DECIMALS);
        assertThat(read.entries().get(2).fingerprint()).isEqualTo(SchemaNormalization.parsingFingerprint64(DECIMALS));
        assertThat(read.entries().get(2).schema().getField("total").schema().getLogicalType().getName())
                .isEqualTo("decimal");
    }

    @Test
    void releasesOfOneVersionKeepTheirOrder() {
        SchemaHistory swapped = new SchemaHistory(List.of(HISTORY.entries().get(1), HISTORY.entries().get(0),
                HISTORY.entries().get(2)));

        assertThat(swapped.entries()).extracting(SchemaHistory.Entry::release).containsExactly("1.1.0", "1.0.0", "");
    }

    @Test
    void theTextEndsLinesWithNewlineOnly() {
        String text = new String(HISTORY.toJson(), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\n  \"format\" : 1,\n  \"schemas\" : [ {\n").doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void aFingerprintThatDisagreesWithItsSchemaIsADamagedFile() {
        String damaged = new String(HISTORY.toJson(), StandardCharsets.UTF_8).replace(
                Fingerprints.toHex(SchemaNormalization.parsingFingerprint64(V1_FIRST)), "0000000000000001");

        assertThatThrownBy(() -> SchemaHistory.read(damaged.getBytes(StandardCharsets.UTF_8), "h.json"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("schema 1 of the history (OrderPlaced v1) says fingerprint 0000000000000001")
                .hasMessageEndingWith("the file is damaged");
    }

    @Test
    void aFileWithoutAFormatIsNotAStelesFile() {
        assertThatThrownBy(() -> SchemaHistory.read("{\"schemas\": []}".getBytes(StandardCharsets.UTF_8), "h.json"))
                .isInstanceOf(FormatException.class)
                .hasMessage("h.json: the schema history has no format number: it is not a file Stele wrote");
    }

    @Test
    void aSchemaThatIsNotAvroIsRefusedNamingTheEntry() {
        byte[] bad = """
                {"format": 1, "schemas": [{"name": "A", "version": 3, "schema": "{\\"type\\": \\"nope\\"}"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SchemaHistory.read(bad, "h.json"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("h.json: schema 1 of the history (A v3) is not an Avro schema");
    }
}
