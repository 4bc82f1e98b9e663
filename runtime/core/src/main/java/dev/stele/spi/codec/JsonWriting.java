package dev.stele.spi.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the JSON form of each supported type, for generated codecs: time as ISO-8601 text (instants
 * in UTC), UUIDs as text, decimals as plain numbers at their scale, bytes as Base64, enums by name,
 * collections as arrays and maps as objects. A {@code null} where a value is required is a
 * {@link CodecFailure}, as in the Avro writer, so both formats accept exactly the same events.
 */
public final class JsonWriting {

    private JsonWriting() {
    }

    /** {@code value}, or a failure when a required value is {@code null}. */
    public static <T> T required(T value) {
        if (value == null) {
            throw nullValue();
        }
        return value;
    }

    static CodecFailure nullValue() {
        return new CodecFailure("is null, which the field does not take: a required field needs a value and an"
                + " Optional one Optional.empty(); annotate it @Nullable if null means absent");
    }

    public static void writeBoolean(JsonGenerator out, boolean value) throws IOException {
        out.writeBoolean(value);
    }

    public static void writeInt(JsonGenerator out, int value) throws IOException {
        out.writeNumber(value);
    }

    public static void writeLong(JsonGenerator out, long value) throws IOException {
        out.writeNumber(value);
    }

    public static void writeString(JsonGenerator out, String value) throws IOException {
        out.writeString(Strings.wellFormed(required(value)));
    }

    public static void writeInstant(JsonGenerator out, Instant value) throws IOException {
        Temporals.checkInstant(required(value));
        out.writeString(Temporals.formatInstant(value));
    }

    public static void writeLocalDate(JsonGenerator out, LocalDate value) throws IOException {
        out.writeString(Temporals.checkLocalDate(required(value)).toString());
    }

    public static void writeLocalDateTime(JsonGenerator out, LocalDateTime value) throws IOException {
        out.writeString(Temporals.checkLocalDateTime(required(value)).toString());
    }

    public static void writeUuid(JsonGenerator out, UUID value) throws IOException {
        out.writeString(required(value).toString());
    }

    public static void writeDecimal(JsonGenerator out, BigDecimal value, int precision, int scale) throws IOException {
        out.writeNumber(Decimals.fit(required(value), precision, scale).toPlainString());
    }

    /** Base64, as Jackson writes binary. */
    public static void writeBytes(JsonGenerator out, byte[] value) throws IOException {
        out.writeBinary(required(value));
    }

    public static void writeSymbol(JsonGenerator out, Enum<?> value) throws IOException {
        out.writeString(required(value).name());
    }

    /** Non-finite values as the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static void writeDouble(JsonGenerator out, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(Double.toString(value));
        }
    }

    /** Non-finite values as the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static void writeFloat(JsonGenerator out, float value) throws IOException {
        if (Float.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(Float.toString(value));
        }
    }

    public static <T> void writeArray(JsonGenerator out, Collection<T> values, JsonValueWriter<T> element)
            throws IOException {
        required(values);
        out.writeStartArray();
        for (T value : values) {
            element.write(out, required(value));
        }
        out.writeEndArray();
    }

    public static <T> void writeMap(JsonGenerator out, Map<String, T> values, JsonValueWriter<T> element)
            throws IOException {
        required(values);
        out.writeStartObject();
        for (Map.Entry<String, T> entry : values.entrySet()) {
            out.writeFieldName(Strings.wellFormed(required(entry.getKey())));
            element.write(out, required(entry.getValue()));
        }
        out.writeEndObject();
    }
}
