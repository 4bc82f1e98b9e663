package dev.stele.spi.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the JSON form of each supported type, for generated codecs. Every method starts at the
 * parser's current token, which must be the value's first token, and leaves the parser on the
 * value's last token. A token of the wrong kind, {@code null} for a required value, or text that does
 * not parse is a {@link CodecFailure} saying what was expected and what was found.
 */
public final class JsonReading {

    private JsonReading() {
    }

    /** What {@link #nextField} returns at the end of the object. */
    public static final int END_OF_OBJECT = -1;

    /** Finds a record's field index by name or alias; the field count for a name the record lacks. */
    @FunctionalInterface
    public interface FieldIndex {
        int of(String name);
    }

    /**
     * Advances to the next field name of the object being read and returns the field's index, or
     * {@link #END_OF_OBJECT}. The field at {@code expected} is tried first by comparing its encoded name
     * with the input's bytes, so fields written in declaration order (as Stele writes them) cost no name
     * decoding or lookup; any other name is decoded and given to {@code index}.
     */
    public static int nextField(JsonParser in, SerializableString[] names, int expected, FieldIndex index)
            throws IOException {
        if (expected >= 0 && expected < names.length) {
            if (in.nextFieldName(names[expected])) {
                return expected;
            }
            if (in.currentToken() != JsonToken.FIELD_NAME) {
                return END_OF_OBJECT;
            }
        } else if (in.nextToken() != JsonToken.FIELD_NAME) {
            return END_OF_OBJECT;
        }
        return index.of(in.currentName());
    }

    /** Checks that the current token starts an object. */
    public static void expectObject(JsonParser in) {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw unexpected(in, "an object");
        }
    }

    public static boolean isNull(JsonParser in) {
        return in.currentToken() == JsonToken.VALUE_NULL;
    }

    public static boolean readBoolean(JsonParser in) {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw unexpected(in, "true or false");
    }

    public static int readInt(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(in, "a whole number");
        }
        if (in.getNumberType() != JsonParser.NumberType.INT) {
            throw new CodecFailure(in.getText() + " is out of range for an int");
        }
        return in.getIntValue();
    }

    public static long readLong(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(in, "a whole number");
        }
        if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new CodecFailure(in.getText() + " is out of range for a long");
        }
        return in.getLongValue();
    }

    /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static float readFloat(JsonParser in) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            float value = in.getFloatValue();
            if (Float.isInfinite(value)) {
                throw new CodecFailure(in.getText() + " is out of range for a float");
            }
            return value;
        }
        if (token == JsonToken.VALUE_STRING) {
            return (float) nonFinite(in);
        }
        throw unexpected(in, "a number");
    }

    /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static double readDouble(JsonParser in) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            double value = in.getDoubleValue();
            if (Double.isInfinite(value)) {
                throw new CodecFailure(in.getText() + " is out of range for a double");
            }
            return value;
        }
        if (token == JsonToken.VALUE_STRING) {
            return nonFinite(in);
        }
        throw unexpected(in, "a number");
    }

    private static double nonFinite(JsonParser in) throws IOException {
        switch (in.getText()) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new CodecFailure("expected a number, found the string '" + in.getText() + "'");
        }
    }

    /** A string; one holding an unpaired surrogate (from a {@code \\ud800} escape) is refused, as writing refuses it. */
    public static String readString(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "a string");
        }
        return Strings.wellFormed(in.getText());
    }

    public static Instant readInstant(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "an ISO-8601 instant string");
        }
        return Temporals.parseInstant(in.getText());
    }

    public static LocalDate readLocalDate(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "an ISO-8601 date string");
        }
        return Temporals.parseLocalDate(in.getText());
    }

    public static LocalDateTime readLocalDateTime(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "an ISO-8601 local date-time string");
        }
        return Temporals.parseLocalDateTime(in.getText());
    }

    public static UUID readUuid(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "a UUID string");
        }
        return Uuids.parse(in.getText());
    }

    /**
     * A number (or a string holding one, as some producers write decimals), returned at exactly
     * {@code scale}; more fraction digits than the scale is a failure, never a rounding.
     */
    public static BigDecimal readDecimal(JsonParser in, int precision, int scale) throws IOException {
        JsonToken token = in.currentToken();
        BigDecimal value;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = in.getDecimalValue();
        } else if (token == JsonToken.VALUE_STRING) {
            value = Decimals.parse(in.getText());
        } else {
            throw unexpected(in, "a decimal number");
        }
        return Decimals.fit(value, precision, scale);
    }

    /** Base64 text. */
    public static byte[] readBytes(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "a Base64 string");
        }
        return in.getBinaryValue();
    }

    /** An enum constant's name; the generated code maps it to the constant. */
    public static String readSymbol(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw unexpected(in, "an enum symbol string");
        }
        return in.getText();
    }

    public static <T> List<T> readList(JsonParser in, JsonValueReader<T> element) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw unexpected(in, "an array");
        }
        List<T> values = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(in));
        }
        return Collections.unmodifiableList(values);
    }

    public static <T> Set<T> readSet(JsonParser in, JsonValueReader<T> element) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw unexpected(in, "an array");
        }
        Set<T> values = new LinkedHashSet<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(in));
        }
        return Collections.unmodifiableSet(values);
    }

    public static <T> Map<String, T> readMap(JsonParser in, JsonValueReader<T> value) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw unexpected(in, "an object");
        }
        Map<String, T> values = new LinkedHashMap<>();
        String key;
        while ((key = in.nextFieldName()) != null) {
            Strings.wellFormed(key);
            in.nextToken();
            values.put(key, value.read(in));
        }
        return Collections.unmodifiableMap(values);
    }

    /** Skips the current value, however deeply nested: the reader's way past an unknown field. */
    public static void skip(JsonParser in) throws IOException {
        in.skipChildren();
    }

    /** A required field absent from the object just read. */
    public static CodecFailure missingField(String field) {
        return new CodecFailure("required field is missing; it has no @Default").inField(field);
    }

    /** An enum symbol the reader does not know, on a field without a {@code @Default}. */
    public static CodecFailure unknownSymbol(JsonParser in, String type) throws IOException {
        return new CodecFailure("'" + in.getText() + "' is not a symbol of " + type
                + " (a later release may have added it; a @Default on the field would stand in for it)");
    }

    private static CodecFailure unexpected(JsonParser in, String expected) {
        JsonToken token = in.currentToken();
        String found;
        if (token == null) {
            found = "the end of the input";
        } else if (token == JsonToken.VALUE_NULL) {
            found = "null, but the field is required";
        } else {
            found = describe(token);
        }
        return new CodecFailure("expected " + expected + ", found " + found);
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }
}
