package dev.stele.codec.avro;

import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordWriter;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.ValueWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.Encoder;

/**
 * Writes an event in Avro binary to an {@link Encoder}, under the schema the processor generates for it.
 * The bytes are exactly those Avro's own {@code GenericDatumWriter} writes for the same values under that
 * schema: fields in declaration order with nothing around a record; {@code timestamp-nanos},
 * {@code local-timestamp-nanos} and {@code date} as numbers; a UUID as its canonical text; a decimal as
 * the bytes of its unscaled value; an enum as its constant's ordinal; lists and sets as one array block,
 * maps as one map block; an optional or {@code @Nullable} field as the branch of its union that
 * {@link RecordFields#nullBranch} names, followed by the value when there is one.
 *
 * <p>It makes the checks the JSON writer makes, so both formats accept exactly the same events: a
 * {@code null} where a value is required, an unpaired surrogate in a string or map key, an instant or
 * local date-time outside the nanosecond range, a date outside the int range of days, or a decimal that
 * does not fit its precision and scale is a {@link CodecFailure}, and {@link #path()} then names the
 * value, as {@code lines[2].sku}. The encoder's own exceptions pass through unchanged. After a failure
 * the encoder holds part of an event, which the caller discards.
 *
 * <p>Writes one event at a time: the path it keeps starts at the top, and after a failure stays where it
 * failed until {@link #reset(Encoder)}. Not thread-safe.
 */
public final class AvroRecordWriter extends RecordWriter {

    private Encoder out;
    /** {@link #out} if it is Stele's own encoder, which checks strings itself and writes UUIDs without text; else null. */
    private ByteArrayBinaryEncoder bytes;

    /** A writer to {@code out}; flushing it is the caller's business. */
    public AvroRecordWriter(Encoder out) {
        reset(out);
    }

    /**
     * Makes this writer write the next event to {@code out}, from the top: one writer then serves a thread's
     * events without a new writer and path per event.
     */
    public AvroRecordWriter reset(Encoder out) {
        if (this.out != out) { // the same encoder again stores nothing (a reference store costs a fence under G1)
            this.out = out;
            this.bytes = out instanceof ByteArrayBinaryEncoder own ? own : null;
        }
        path.reset();
        return this;
    }

    /** Writes nothing: Avro puts no mark before a record. */
    @Override
    public void startRecord(RecordFields fields) {
        path.enterRecord(fields);
    }

    /**
     * Writes nothing, since Avro's fields are known by their place; so that a codec that skips or reorders
     * a field fails here rather than writing data no schema reads, {@code index} must be the next field.
     */
    @Override
    public RecordWriter field(RecordFields fields, int index) {
        int expected = path.nextField();
        if (index != expected) {
            throw outOfOrder(index, expected);
        }
        return this;
    }

    private IllegalStateException outOfOrder(int index, int expected) {
        path.atField(expected - 1);
        return new IllegalStateException("field " + index + " written where field " + expected + " of "
                + path.currentRecord() + " belongs; Avro needs every field, in declaration order");
    }

    /** Writes nothing; the record must have had all its fields. */
    @Override
    public void endRecord() {
        int size = path.recordSize();
        if (size < 0 || path.currentPosition() != size - 1) {
            throw new IllegalStateException("record " + path.currentRecord() + " ended after field "
                    + path.currentPosition() + "; Avro needs every field, in declaration order");
        }
        path.exit();
    }

    @Override
    public void writeBoolean(boolean value) throws IOException {
        out.writeBoolean(value);
    }

    @Override
    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    @Override
    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    /** The IEEE 754 bits; Avro carries the non-finite values as they are. */
    @Override
    public void writeFloat(float value) throws IOException {
        out.writeFloat(value);
    }

    /** The IEEE 754 bits; Avro carries the non-finite values as they are. */
    @Override
    public void writeDouble(double value) throws IOException {
        out.writeDouble(value);
    }

    @Override
    public void writeString(String value) throws IOException {
        writeText(required(value));
    }

    private void writeText(String value) throws IOException {
        if (bytes != null) {
            bytes.writeString(value);
        } else {
            out.writeString(Strings.wellFormed(value));
        }
    }

    @Override
    public void writeInstant(Instant value) throws IOException {
        out.writeLong(Temporals.toEpochNanos(required(value)));
    }

    @Override
    public void writeLocalDate(LocalDate value) throws IOException {
        out.writeInt(Temporals.toEpochDays(required(value)));
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) throws IOException {
        out.writeLong(Temporals.toLocalNanos(required(value)));
    }

    @Override
    public void writeUuid(UUID value) throws IOException {
        if (bytes != null) {
            bytes.writeUuid(required(value));
        } else {
            out.writeString(required(value).toString());
        }
    }

    @Override
    public void writeBytes(byte[] value) throws IOException {
        out.writeBytes(required(value));
    }

    @Override
    public void writeDecimal(BigDecimal value, int precision, int scale) throws IOException {
        out.writeBytes(Decimals.toBytes(required(value), precision, scale));
    }

    /** The constant's ordinal: the schema lists the symbols in declaration order. */
    @Override
    public <E extends Enum<E>> void writeEnum(EnumSymbols<E> symbols, E value) throws IOException {
        out.writeEnum(required(value).ordinal());
    }

    /** One block of {@code values.size()} elements, each at {@code [index]} in the path while written. */
    @Override
    public <T> void writeList(Collection<T> values, ValueWriter<T> element) throws IOException {
        required(values);
        path.enterCollection();
        out.writeArrayStart();
        out.setItemCount(values.size());
        int index = 0;
        for (T value : values) {
            path.atIndex(index++);
            out.startItem();
            element.write(this, required(value));
        }
        out.writeArrayEnd();
        path.exit();
    }

    /** One block of {@code values.size()} entries, each at {@code ["key"]} in the path while written. */
    @Override
    public <T> void writeMap(Map<String, T> values, ValueWriter<T> value) throws IOException {
        required(values);
        path.enterMap();
        out.writeMapStart();
        out.setItemCount(values.size());
        for (Map.Entry<String, T> entry : values.entrySet()) {
            String key = required(entry.getKey());
            path.atKey(key);
            out.startItem();
            writeText(key);
            value.write(this, required(entry.getValue()));
        }
        out.writeMapEnd();
        path.exit();
    }

    @Override
    public <T> void writeNullable(T value, ValueWriter<T> present) throws IOException {
        int nullBranch = currentNullBranch();
        if (value == null) {
            out.writeIndex(nullBranch);
        } else {
            out.writeIndex(1 - nullBranch);
            present.write(this, value);
        }
    }

    /** The branch of null in the union of the field being written. */
    private int currentNullBranch() {
        RecordFields fields = path.currentRecord();
        int field = path.currentPosition();
        if (fields == null || field < 0) {
            throw new IllegalStateException("an optional value is written outside a record's field, at '" + path()
                    + "'; Avro unions are fields of records here");
        }
        return fields.nullBranch(field);
    }
}
