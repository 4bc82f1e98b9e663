package dev.stele.cdc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the values Debezium's PostgreSQL connector writes in its JSON change events into Java values,
 * exactly, or fails with a {@link ChangeEventException} naming the column and what to do. Each method
 * takes a value as the JSON holds it (a string, a number) and never returns Debezium's placeholder for an
 * unavailable TOASTed value ({@value DebeziumSchemaNames#UNAVAILABLE_VALUE}) as data.
 *
 * <table>
 *   <caption>PostgreSQL type, Debezium's JSON, method</caption>
 *   <tr><td>timestamptz</td><td>ISO-8601 string ({@value DebeziumSchemaNames#ZONED_TIMESTAMP})</td><td>{@link #instant}</td></tr>
 *   <tr><td>timestamp</td><td>int64 in a {@link TimestampUnit}</td><td>{@link #localDateTime}</td></tr>
 *   <tr><td>date</td><td>int32 days since 1970-01-01</td><td>{@link #localDate}</td></tr>
 *   <tr><td>numeric(p,s)</td><td>base64 unscaled bytes; scale in the schema ({@value DebeziumSchemaNames#DECIMAL})</td><td>{@link #decimal}</td></tr>
 *   <tr><td>numeric</td><td>{@code {"scale":…,"value":base64}} ({@value DebeziumSchemaNames#VARIABLE_SCALE_DECIMAL})</td><td>{@link #variableScaleDecimal(ColumnRef, JsonParser)}</td></tr>
 *   <tr><td>numeric, {@code decimal.handling.mode=string}</td><td>decimal text</td><td>{@link #decimalFromString}</td></tr>
 *   <tr><td>numeric, {@code decimal.handling.mode=double}</td><td>a JSON number</td><td>{@link #decimalFromDouble}</td></tr>
 *   <tr><td>uuid</td><td>the 36-character text</td><td>{@link #uuid}</td></tr>
 *   <tr><td>bytea</td><td>base64 or hex, by {@link BinaryHandlingMode}</td><td>{@link #bytes}</td></tr>
 *   <tr><td>json, jsonb</td><td>a string holding the JSON text</td><td>{@link #json}</td></tr>
 * </table>
 *
 * <p>Values are converted to the whole range of the Java type, which holds every value PostgreSQL does
 * (its timestamps run from 4713 BC to 294276 AD); whether a value also fits what Stele stores in an event
 * (nanoseconds, 1677 to 2262) is checked when the event is written, as for any other event. Nothing is
 * rounded: a value the target cannot hold exactly is a {@link Problem#OUT_OF_RANGE} error. A JSON
 * {@code null} is the caller's to handle; these methods take values.
 */
public final class DebeziumValues {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] PLACEHOLDER_BYTES = DebeziumSchemaNames.UNAVAILABLE_VALUE.getBytes(StandardCharsets.US_ASCII);
    /** PostgreSQL's largest display scale of a numeric (NUMERIC_MAX_DISPLAY_SCALE is lower; this bounds any). */
    private static final int MAX_NUMERIC_SCALE = 16_383;
    private static final String REPLICA_IDENTITY_FIX = "Debezium sent its placeholder "
            + DebeziumSchemaNames.UNAVAILABLE_VALUE + " because the value is TOASTed, was not changed, and the "
            + "table's replica identity does not log it; run ALTER TABLE %s REPLICA IDENTITY FULL so every "
            + "change carries the whole row";

    private DebeziumValues() {
    }

    /** A {@code timestamptz}: ISO-8601 text with {@code Z} or an offset, such as {@code 2024-01-31T10:15:30.123456Z}. */
    public static Instant instant(ColumnRef column, String text) {
        refuseUnavailable(column, text);
        Instant fast = utcInstant(text);
        if (fast != null) {
            return fast;
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof DateTimeException) {
                throw new ChangeEventException(column, Problem.OUT_OF_RANGE, "'" + text
                        + "' is outside the range of an Instant (" + Instant.MIN + " to " + Instant.MAX + ")");
            }
            throw new ChangeEventException(column, Problem.MALFORMED, "'" + text
                    + "' is not an ISO-8601 instant such as 2024-01-31T10:15:30.123456Z, as Debezium writes a "
                    + "timestamptz (" + DebeziumSchemaNames.ZONED_TIMESTAMP + ")");
        }
    }

    /**
     * The instant of {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, the form Debezium writes every {@code timestamptz} in, read
     * without a formatter; null for any other text (the formatter then reads it, or says why not).
     */
    private static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || length > 20 && (text.charAt(19) != '.' || length == 21)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // the formatter says what is wrong with it
        }
    }

    /** The decimal digits of {@code text[from, to)} as an int, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A {@code timestamp}: {@code value} units since 1970-01-01T00:00 on the local time line. Every int64 of
     * every unit is a {@code LocalDateTime}; before 1970 is negative and rounds towards the past
     * ({@code -1} microsecond is {@code 1969-12-31T23:59:59.999999}).
     */
    public static LocalDateTime localDateTime(ColumnRef column, long value, TimestampUnit unit) {
        if (unit == TimestampUnit.NANOS) {
            return Temporals.fromLocalNanos(value);
        }
        long perSecond = 1_000_000_000L / unit.nanos();
        long seconds = Math.floorDiv(value, perSecond);
        int nanos = (int) (Math.floorMod(value, perSecond) * unit.nanos());
        try {
            return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, value + " " + unit.name().toLowerCase(
                    Locale.ROOT) + " since 1970 is outside the range of a LocalDateTime");
        }
    }

    /**
     * A {@code date}: days since 1970-01-01. Debezium writes an int32; a wider number is refused, as is a day
     * beyond {@code LocalDate}'s range.
     */
    public static LocalDate localDate(ColumnRef column, long days) {
        if (days != (int) days) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, days
                    + " days since 1970-01-01 is not an int32, so not a date Debezium writes");
        }
        try {
            return Temporals.fromEpochDays((int) days);
        } catch (DateTimeException e) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, days
                    + " days since 1970-01-01 is outside the range of a LocalDate");
        }
    }

    /**
     * A {@code numeric(p,s)} under {@code decimal.handling.mode=precise}: the base64 of the big-endian
     * two's-complement unscaled value, at the {@code scale} the schema's parameter names.
     */
    public static BigDecimal decimal(ColumnRef column, String base64, int scale) {
        refuseUnavailable(column, base64);
        byte[] unscaled = decodeBase64(column, base64, Base64.getDecoder(), "the unscaled value of a numeric");
        try {
            return Decimals.fromBytes(unscaled, scale);
        } catch (CodecFailure e) {
            throw new ChangeEventException(column, Problem.MALFORMED, e.reason());
        }
    }

    /**
     * A {@code numeric} without a scale under the precise mode ({@value DebeziumSchemaNames#VARIABLE_SCALE_DECIMAL}):
     * reads the object {@code {"scale": int, "value": base64}} the parser is at (its {@code START_OBJECT}),
     * leaving the parser on its {@code END_OBJECT}. Both fields are required, in either order; a scale must be
     * an integer from 0 to 16383.
     */
    public static BigDecimal variableScaleDecimal(ColumnRef column, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            refuseUnavailable(column, parser.getText());
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw malformedVariableScale(column, "found " + describe(parser));
        }
        Integer scale = null;
        String value = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "scale" -> {
                    if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        throw malformedVariableScale(column, "its scale is " + describe(parser));
                    }
                    scale = parser.getIntValue();
                }
                case "value" -> {
                    if (token != JsonToken.VALUE_STRING) {
                        throw malformedVariableScale(column, "its value is " + describe(parser));
                    }
                    value = parser.getText();
                }
                default -> throw malformedVariableScale(column, "it has a field '" + field + "'");
            }
        }
        if (scale == null || value == null) {
            throw malformedVariableScale(column, "it has no " + (scale == null ? "scale" : "value"));
        }
        return variableScaleDecimal(column, scale, value);
    }

    /** A {@value DebeziumSchemaNames#VARIABLE_SCALE_DECIMAL} whose scale and value were read by the caller. */
    public static BigDecimal variableScaleDecimal(ColumnRef column, int scale, String base64) {
        if (scale < 0 || scale > MAX_NUMERIC_SCALE) {
            throw malformedVariableScale(column, "its scale " + scale + " is not from 0 to " + MAX_NUMERIC_SCALE);
        }
        return decimal(column, base64, scale);
    }

    /** A {@code numeric} under {@code decimal.handling.mode=string}: decimal text such as {@code -12.50}. */
    public static BigDecimal decimalFromString(ColumnRef column, String text) {
        refuseUnavailable(column, text);
        try {
            return Decimals.parse(text);
        } catch (CodecFailure e) {
            throw new ChangeEventException(column, Problem.MALFORMED, e.reason()
                    + ", as Debezium writes a numeric under decimal.handling.mode=string");
        }
    }

    /**
     * A {@code numeric} under {@code decimal.handling.mode=double}: refused unless {@code approximationAllowed},
     * since the double already lost what does not fit 53 bits. When allowed, the decimal is the shortest that
     * reads back as the same double ({@link Double#toString}), not the double's binary expansion.
     */
    public static BigDecimal decimalFromDouble(ColumnRef column, double value, boolean approximationAllowed) {
        if (!approximationAllowed) {
            throw new ChangeEventException(column, Problem.INEXACT, "Debezium sent the numeric as a double ("
                    + value + "), which may have lost digits; set decimal.handling.mode=precise (or string) on the "
                    + "connector, or declare that this column accepts an approximate value");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, value + " is not a number a BigDecimal holds");
        }
        return BigDecimal.valueOf(value);
    }

    /**
     * {@code value} at exactly {@code precision} and {@code scale}, as a {@code @Decimal(precision, scale)}
     * component holds it: widened to the scale, never rounded.
     */
    public static BigDecimal fit(ColumnRef column, BigDecimal value, int precision, int scale) {
        try {
            return Decimals.fit(value, precision, scale);
        } catch (CodecFailure e) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, e.reason());
        }
    }

    /** {@code value} as a {@code long}: a fraction or a number too wide is refused, never rounded or cut. */
    public static long exactLong(ColumnRef column, BigDecimal value) {
        BigDecimal whole = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, value.toPlainString()
                    + " has a fraction; a long holds whole numbers");
        }
        if (whole.precision() - whole.scale() > 19
                || whole.toBigInteger().bitLength() > 63) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, whole.toString()
                    + " is outside the range of a long (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
        return whole.longValueExact();
    }

    /** A {@code uuid}: the 36-character text form. */
    public static UUID uuid(ColumnRef column, String text) {
        refuseUnavailable(column, text);
        try {
            return Uuids.parse(text);
        } catch (CodecFailure e) {
            throw new ChangeEventException(column, Problem.MALFORMED, e.reason());
        }
    }

    /**
     * A {@code bytea}, as {@code binary.handling.mode} wrote it. Empty text is zero bytes. The placeholder
     * for an unavailable value is refused in the form the mode gives it.
     */
    public static byte[] bytes(ColumnRef column, String text, BinaryHandlingMode mode) {
        refuseUnavailable(column, text);
        byte[] bytes = switch (mode) {
            case BYTES, BASE64 -> decodeBase64(column, text, Base64.getDecoder(), "a bytea");
            case BASE64_URL_SAFE -> decodeBase64(column, text, Base64.getUrlDecoder(), "a bytea");
            case HEX -> decodeHex(column, text);
        };
        if (isUnavailablePlaceholder(bytes)) {
            throw unavailable(column);
        }
        return bytes;
    }

    /**
     * A {@code json} or {@code jsonb}: the JSON text Debezium holds in a string, returned as it is once it
     * is checked to be exactly one JSON value.
     */
    public static String json(ColumnRef column, String text) {
        refuseUnavailable(column, text);
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new ChangeEventException(column, Problem.MALFORMED, "the JSON text is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new ChangeEventException(column, Problem.MALFORMED, "the JSON text has more after its value"
                        + " (line " + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr() + ")");
            }
            return text;
        } catch (IOException e) {
            throw new ChangeEventException(column, Problem.MALFORMED, "the text is not JSON: "
                    + CodecFailure.of(e).reason());
        }
    }

    /**
     * A {@code time}: {@code value} units since midnight, as PostgreSQL writes a time as text
     * ({@code HH:MM:SS} and the fraction's digits without trailing zeros), so that it reads the same from
     * Debezium and from PostgreSQL. From midnight to {@code 24:00:00}, which PostgreSQL allows.
     */
    public static String timeOfDay(ColumnRef column, long value, TimestampUnit unit) {
        long perSecond = 1_000_000_000L / unit.nanos();
        if (value < 0 || value > 86_400L * perSecond) {
            throw new ChangeEventException(column, Problem.OUT_OF_RANGE, value + " " + unit.name().toLowerCase(
                    Locale.ROOT) + " since midnight is not a time of day");
        }
        long seconds = value / perSecond;
        long nanos = value % perSecond * unit.nanos();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600,
                seconds / 60 % 60, seconds % 60));
        if (nanos != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    /** A {@code text}, {@code varchar} or enum column: the string, unless it is the unavailable-value placeholder. */
    public static String text(ColumnRef column, String text) {
        refuseUnavailable(column, text);
        return text;
    }

    /** Whether {@code text} is Debezium's placeholder for an unavailable TOASTed value. */
    public static boolean isUnavailablePlaceholder(String text) {
        return DebeziumSchemaNames.UNAVAILABLE_VALUE.equals(text);
    }

    private static boolean isUnavailablePlaceholder(byte[] bytes) {
        return Arrays.equals(bytes, PLACEHOLDER_BYTES);
    }

    private static void refuseUnavailable(ColumnRef column, String text) {
        if (isUnavailablePlaceholder(text) || DebeziumSchemaNames.UNAVAILABLE_VALUE_BASE64.equals(text)) {
            throw unavailable(column);
        }
    }

    /**
     * The error for Debezium's placeholder for an unavailable TOASTed value in {@code column}, naming the fix
     * ({@code REPLICA IDENTITY FULL}).
     */
    public static ChangeEventException unavailable(ColumnRef column) {
        return new ChangeEventException(column, Problem.UNAVAILABLE, String.format(REPLICA_IDENTITY_FIX, column.table()));
    }

    /** Padded base64, as Debezium and Kafka Connect's JSON converter write it; java.util.Base64 alone takes it unpadded. */
    private static byte[] decodeBase64(ColumnRef column, String text, Base64.Decoder decoder, String what) {
        if (text.length() % 4 != 0) {
            throw new ChangeEventException(column, Problem.MALFORMED, "'" + abbreviate(text) + "' is not the base64 of "
                    + what + ": its length is not a multiple of 4");
        }
        try {
            return decoder.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ChangeEventException(column, Problem.MALFORMED, "'" + abbreviate(text) + "' is not the base64 of "
                    + what + ": " + e.getMessage());
        }
    }

    private static byte[] decodeHex(ColumnRef column, String text) {
        if (text.length() % 2 != 0) {
            throw new ChangeEventException(column, Problem.MALFORMED, "'" + abbreviate(text)
                    + "' is not hexadecimal bytes: it has an odd number of digits");
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new ChangeEventException(column, Problem.MALFORMED, "'" + abbreviate(text)
                        + "' is not hexadecimal bytes: it has a character that is not a hex digit at "
                        + (high < 0 ? 2 * i : 2 * i + 1));
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static ChangeEventException malformedVariableScale(ColumnRef column, String what) {
        return new ChangeEventException(column, Problem.MALFORMED, "a numeric without a scale ("
                + DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL + ") must be {\"scale\": int, \"value\": base64}, but "
                + what);
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the input";
        }
        return token.isScalarValue() ? "'" + abbreviate(parser.getText()) + "'" : token.asString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 60) + "… (" + text.length() + " characters)";
    }
}
