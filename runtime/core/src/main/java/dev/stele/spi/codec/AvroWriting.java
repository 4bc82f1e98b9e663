package dev.stele.spi.codec;

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
 * Writes each supported type in Avro binary under the schema the processor generated for it:
 * {@code timestamp-nanos}, {@code local-timestamp-nanos}, {@code date}, {@code uuid} (as text) and
 * {@code decimal} (as bytes) logical types, arrays, and maps with string keys. Checks are the JSON
 * writer's, so both formats accept exactly the same events.
 */
public final class AvroWriting {

    private AvroWriting() {
    }

    /** {@code value}, or a failure when a required value is {@code null}. */
    public static <T> T required(T value) {
        return JsonWriting.required(value);
    }

    public static void writeString(Encoder out, String value) throws IOException {
        out.writeString(Strings.wellFormed(required(value)));
    }

    public static void writeInstant(Encoder out, Instant value) throws IOException {
        out.writeLong(Temporals.toEpochNanos(required(value)));
    }

    public static void writeLocalDate(Encoder out, LocalDate value) throws IOException {
        out.writeInt(Temporals.toEpochDays(required(value)));
    }

    public static void writeLocalDateTime(Encoder out, LocalDateTime value) throws IOException {
        out.writeLong(Temporals.toLocalNanos(required(value)));
    }

    public static void writeUuid(Encoder out, UUID value) throws IOException {
        out.writeString(required(value).toString());
    }

    public static void writeDecimal(Encoder out, BigDecimal value, int precision, int scale) throws IOException {
        out.writeBytes(Decimals.toBytes(required(value), precision, scale));
    }

    public static void writeBytes(Encoder out, byte[] value) throws IOException {
        out.writeBytes(required(value));
    }

    /** The symbol's position in the schema, which lists the constants in declaration order. */
    public static void writeSymbol(Encoder out, Enum<?> value) throws IOException {
        out.writeEnum(required(value).ordinal());
    }

    public static <T> void writeArray(Encoder out, Collection<T> values, AvroValueWriter<T> element)
            throws IOException {
        out.writeArrayStart();
        out.setItemCount(required(values).size());
        for (T value : values) {
            out.startItem();
            element.write(out, required(value));
        }
        out.writeArrayEnd();
    }

    public static <T> void writeMap(Encoder out, Map<String, T> values, AvroValueWriter<T> element)
            throws IOException {
        out.writeMapStart();
        out.setItemCount(required(values).size());
        for (Map.Entry<String, T> entry : values.entrySet()) {
            out.startItem();
            out.writeString(Strings.wellFormed(required(entry.getKey())));
            element.write(out, required(entry.getValue()));
        }
        out.writeMapEnd();
    }
}
