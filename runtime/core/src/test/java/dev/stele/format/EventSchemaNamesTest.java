package dev.stele.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class EventSchemaNamesTest {

    private static Schema bookReturned(int version, boolean withCondition) {
        String nested = EventSchemaNames.nestedNamespace("BookReturned", version);
        Schema member = SchemaBuilder.record("Member").namespace(nested).fields()
                .requiredString("id").endRecord();
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("BookReturned")
                .namespace(EventSchemaNames.namespace(version)).fields()
                .requiredString("bookId")
                .name("member").type(member).noDefault()
                .name("previous").type().optional().type(member)
                .name("at").type(ValueType.INSTANT.schema()).noDefault();
        if (withCondition) {
            fields.name("condition").type(SchemaBuilder.enumeration("Condition").namespace(nested)
                    .defaultSymbol("GOOD").symbols("GOOD", "DAMAGED")).noDefault();
        }
        return fields.endRecord();
    }

    @Test
    void anEventSchemaSaysItsNameAndVersion() {
        assertThat(EventSchemaNames.of(bookReturned(2, true)))
                .contains(new EventSchemaNames.Named("BookReturned", 2));
        assertThat(EventSchemaNames.of(SchemaBuilder.record("Other").namespace("com.acme").fields().endRecord()))
                .isEmpty();
        assertThat(EventSchemaNames.of(Schema.create(Schema.Type.STRING))).isEmpty();
    }

    @Test
    void aSchemaMovedToAnotherVersionKeepsEverythingButItsNames() {
        Schema v2 = bookReturned(2, true);

        Schema moved = EventSchemaNames.asVersion(v2, 1);

        assertThat(moved.getFullName()).isEqualTo("stele.v1.BookReturned");
        assertThat(moved.getField("member").schema().getFullName()).isEqualTo("stele.v1.BookReturned.Member");
        assertThat(moved.getField("condition").schema().getFullName()).isEqualTo("stele.v1.BookReturned.Condition");
        assertThat(moved.getField("condition").schema().getEnumDefault()).isEqualTo("GOOD");
        assertThat(moved.getField("at").schema().getLogicalType().getName()).isEqualTo("timestamp-nanos");
        // the second use of Member refers to the same, moved, record
        assertThat(moved.getField("previous").schema().getTypes().get(1))
                .isSameAs(moved.getField("member").schema());
        assertThat(EventSchemaNames.asVersion(moved, 2)).isEqualTo(v2);
    }

    @Test
    void dataOfTheNewVersionDecodesWithTheOldVersionsReaderThroughTheMovedSchema() throws Exception {
        Schema v1Reader = bookReturned(1, false);
        Schema v2Writer = bookReturned(2, true);
        GenericRecord member = new GenericData.Record(v2Writer.getField("member").schema());
        member.put("id", "m-7");
        GenericRecord written = new GenericData.Record(v2Writer);
        written.put("bookId", "b-1");
        written.put("member", member);
        written.put("previous", member);
        written.put("at", 1_700_000_000_123_456_789L);
        written.put("condition", new GenericData.EnumSymbol(v2Writer.getField("condition").schema(), "DAMAGED"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(v2Writer).write(written, encoder);
        encoder.flush();

        GenericRecord read = new GenericDatumReader<GenericRecord>(EventSchemaNames.asVersion(v2Writer, 1), v1Reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.get("bookId")).hasToString("b-1");
        assertThat(((GenericRecord) read.get("previous")).get("id")).hasToString("m-7");
        assertThat(read.get("at")).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(read.getSchema().getField("condition")).as("v1 has no condition; it is skipped").isNull();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1Reader,
                EventSchemaNames.asVersion(v2Writer, 1)).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aSchemaNotNamedAsAnEventCannotBeMoved() {
        Schema other = SchemaBuilder.record("Other").namespace("com.acme").fields().endRecord();

        assertThatThrownBy(() -> EventSchemaNames.asVersion(other, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("com.acme.Other is not named as a Stele event schema (stele.v<version>.<Name>)");
    }
}
