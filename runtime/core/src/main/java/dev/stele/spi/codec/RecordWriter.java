package dev.stele.spi.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a generated codec writes an event to, the same calls for both formats: JSON (one object per
 * record, field names from {@link RecordFields}) and Avro binary (the fields in schema order). A record
 * is written as {@link #startRecord}, then for every field in declaration order {@link #field} and one
 * value, then {@link #endRecord}:
 *
 * <pre>{@code
 * out.startRecord(ORDER_LINE);
 * out.field(ORDER_LINE, 0).writeString(value.sku());
 * out.field(ORDER_LINE, 1).writeInt(value.quantity());
 * out.field(ORDER_LINE, 2).writeRecord(value.address(), OrderCodec::writeAddress);
 * out.endRecord();
 * }</pre>
 *
 * <p>Every value is required unless written through {@link #writeOptional} or {@link #writeNullable}:
 * {@code null} is a {@link CodecFailure}, as are values a format cannot carry unchanged (an unpaired
 * surrogate, an instant beyond the nanosecond range, a decimal that does not fit its precision and
 * scale). Both formats make the same checks, so both accept exactly the same events. {@link #path()} says
 * where a failure happened.
 *
 * <p>Not thread-safe; one writer writes one event at a time.
 */
public abstract class RecordWriter {

    /** Where the writer stands; implementations keep it as they go. */
    protected final CodecPath path = new CodecPath();

    /** {@code value}, or a failure when a required value is {@code null}. */
    public static <T> T required(T value) {
        if (value == null) {
            throw nullValue();
        }
        return value;
    }

    /** The failure of a {@code null} where a value is required. */
    protected static CodecFailure nullValue() {
        return new CodecFailure("is null, which the field does not take: a required field needs a value and an"
                + " Optional one Optional.empty(); annotate it @Nullable if null means absent");
    }

    /** Where the writer stands, as {@code lines[2].sku}: the field a failure happened in. */
    public final String path() {
        return path.toString();
    }

    /** Starts a record whose fields are {@code fields}. */
    public abstract void startRecord(RecordFields fields) throws IOException;

    /**
     * The next value is field {@code index} of the current record, whose fields are {@code fields} as given to
     * {@link #startRecord} (a constant of the codec: the writer need not look them up); fields come in
     * declaration order.
     *
     * @return this writer, to write the value
     */
    public abstract RecordWriter field(RecordFields fields, int index) throws IOException;

    /** Ends the current record. */
    public abstract void endRecord() throws IOException;

    public abstract void writeBoolean(boolean value) throws IOException;

    public abstract void writeInt(int value) throws IOException;

    public abstract void writeLong(long value) throws IOException;

    /** Non-finite values as the JSON strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public abstract void writeFloat(float value) throws IOException;

    /** Non-finite values as the JSON strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public abstract void writeDouble(double value) throws IOException;

    public abstract void writeString(String value) throws IOException;

    /** ISO-8601 in UTC in JSON ({@code Temporals.formatInstant}), {@code timestamp-nanos} in Avro. */
    public abstract void writeInstant(Instant value) throws IOException;

    public abstract void writeLocalDate(LocalDate value) throws IOException;

    public abstract void writeLocalDateTime(LocalDateTime value) throws IOException;

    public abstract void writeUuid(UUID value) throws IOException;

    /** Base64 in JSON, {@code bytes} in Avro. */
    public abstract void writeBytes(byte[] value) throws IOException;

    /** Fitted to {@code scale} without rounding and held to {@code precision}: a plain JSON number, Avro {@code decimal}. */
    public abstract void writeDecimal(BigDecimal value, int precision, int scale) throws IOException;

    /** The constant's name in JSON, its position among the symbols in Avro. */
    public abstract <E extends Enum<E>> void writeEnum(EnumSymbols<E> symbols, E value) throws IOException;

    /** A nested record, required, written by {@code record} (a generated record writer). */
    public final <T> void writeRecord(T value, ValueWriter<T> record) throws IOException {
        record.write(this, required(value));
    }

    /** A list or set: every element required, each written by {@code element}. */
    public abstract <T> void writeList(Collection<T> values, ValueWriter<T> element) throws IOException;

    /** A map with string keys: keys and values required, each value written by {@code value}. */
    public abstract <T> void writeMap(Map<String, T> values, ValueWriter<T> value) throws IOException;

    /**
     * The current field's optional value: JSON {@code null} or the value, the field's Avro union branch.
     * The {@code Optional} itself is required.
     */
    public final <T> void writeOptional(Optional<T> value, ValueWriter<T> present) throws IOException {
        writeNullable(required(value).orElse(null), present);
    }

    /** The current field's {@code @Nullable} value: JSON {@code null} or the value, the field's Avro union branch. */
    public abstract <T> void writeNullable(T value, ValueWriter<T> present) throws IOException;
}
