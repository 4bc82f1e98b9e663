package dev.stele.codec.avro;

import dev.stele.codec.avro.Sample.Colour;
import dev.stele.codec.avro.Sample.Line;
import dev.stele.format.EventSchemaNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Sample events, their bytes as Stele's codec and as Avro's generic writer write them, and their schemas. */
final class Samples {

    /** The schema the processor would generate for {@link Sample}. */
    static final Schema V2 = schema("Sample-v2.avsc");
    /**
     * An earlier version: fields in reverse order, {@code name} under its old name {@code title}, no
     * {@code priority}, an extra {@code legacy} field, and lines of {@code quantity} then {@code sku}, no note.
     */
    static final Schema V1 = schema("Sample-v1.avsc");

    private Samples() {
    }

    /** Every optional value present. */
    static Sample full() {
        Map<String, Integer> attributes = new LinkedHashMap<>();
        attributes.put("a", 1);
        attributes.put("k", 7);
        return new Sample(true, -7, 1L << 40, 1.5f, -0.25, "Grüße \uD83D\uDE00",
                Instant.parse("2024-02-29T12:34:56.123456789Z"), LocalDate.of(1969, 12, 31),
                LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new byte[] {0, -1, 7},
                new BigDecimal("-1234.50"), Colour.GREEN, Optional.of("gift"), "Bo", Optional.of(7),
                List.of(new Line("A-1", 2, Optional.of("fragile")), new Line("B-2", 1, Optional.empty())),
                new LinkedHashSet<>(List.of("new", "sale")), attributes);
    }

    /** Every optional value absent, every collection empty. */
    static Sample empty() {
        return new Sample(false, 0, 0, Float.NaN, Double.NEGATIVE_INFINITY, "", Instant.EPOCH, LocalDate.EPOCH,
                LocalDateTime.of(1970, 1, 1, 0, 0), new UUID(0, 0), new byte[0], new BigDecimal("0.00"), Colour.RED,
                Optional.empty(), null, Optional.empty(), List.of(), Set.of(), Map.of());
    }

    static Sample withLines(Sample sample, List<Line> lines) {
        return new Sample(sample.flag(), sample.count(), sample.total(), sample.ratio(), sample.score(),
                sample.name(), sample.at(), sample.day(), sample.local(), sample.id(), sample.blob(), sample.price(),
                sample.colour(), sample.note(), sample.nickname(), sample.priority(), lines, sample.tags(),
                sample.attributes());
    }

    /** {@code sample} in Avro binary, as {@link AvroRecordWriter} writes it. */
    static byte[] write(Sample sample) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        SampleCodec.writeSample(new AvroRecordWriter(encoder), sample);
        encoder.flush();
        return bytes.toByteArray();
    }

    /** The sample in {@code bytes}, written with {@link #V2}. */
    static Sample read(byte[] bytes) throws IOException {
        return SampleCodec.readSample(new AvroRecordReader(DecoderFactory.get().binaryDecoder(bytes, null)));
    }

    /**
     * A decoder of {@code bytes}, written with {@code writer}, that resolves them to {@link #V2} as the catalog
     * does: the writer's names moved to version 2's namespace, since Avro resolves named types by name.
     */
    static Decoder resolving(Schema writer, byte[] bytes) throws IOException {
        return DecoderFactory.get().resolvingDecoder(EventSchemaNames.asVersion(writer, 2), V2,
                DecoderFactory.get().binaryDecoder(bytes, null));
    }

    /** {@code record} as Avro's own generic writer writes it under its schema. */
    static byte[] writeGeneric(GenericRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    /**
     * {@code sample} as a generic record of {@code schema}, each field by name, its value in Avro's own
     * representation computed without Stele's conversions; {@code overrides} replaces values by field name.
     */
    static GenericRecord generic(Schema schema, Sample sample, Map<String, Object> overrides) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), overrides.containsKey(field.name()) ? overrides.get(field.name())
                    : raw(field, sample));
        }
        return record;
    }

    private static Object raw(Schema.Field field, Sample sample) {
        return switch (field.name()) {
            case "flag" -> sample.flag();
            case "count" -> sample.count();
            case "total" -> sample.total();
            case "ratio" -> sample.ratio();
            case "score" -> sample.score();
            case "name", "title" -> sample.name();
            case "at" -> ChronoUnit.NANOS.between(Instant.EPOCH, sample.at());
            case "day" -> (int) sample.day().toEpochDay();
            case "local" -> ChronoUnit.NANOS.between(LocalDateTime.of(1970, 1, 1, 0, 0), sample.local());
            case "id" -> sample.id().toString();
            case "blob" -> ByteBuffer.wrap(sample.blob());
            case "price" -> ByteBuffer.wrap(sample.price().setScale(2).unscaledValue().toByteArray());
            case "colour" -> new GenericData.EnumSymbol(field.schema(), sample.colour().name());
            case "note" -> sample.note().orElse(null);
            case "nickname" -> sample.nickname();
            case "priority" -> sample.priority().orElse(null);
            case "lines" -> sample.lines().stream().map(line -> line(field.schema().getElementType(), line)).toList();
            case "tags" -> new ArrayList<>(sample.tags());
            case "attributes" -> sample.attributes();
            case "legacy" -> "only in version 1";
            default -> throw new IllegalArgumentException("no value for field " + field.name());
        };
    }

    private static GenericRecord line(Schema schema, Line line) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), switch (field.name()) {
                case "sku" -> line.sku();
                case "quantity" -> line.quantity();
                case "note" -> line.note().orElse(null);
                default -> throw new IllegalArgumentException("no value for field " + field.name());
            });
        }
        return record;
    }

    /** {@code schema} with the type of field {@code name} replaced by {@code type}: to write data it forbids. */
    static Schema withFieldType(Schema schema, String name, Schema type) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(field.name().equals(name) ? new Schema.Field(name, type)
                    : new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
    }

    private static Schema schema(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
