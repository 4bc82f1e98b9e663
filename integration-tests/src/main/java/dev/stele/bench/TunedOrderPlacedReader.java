package dev.stele.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.JsonReading;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An experiment, not product code: the JSON reader the processor generates for {@link OrderPlaced},
 * rewritten by hand with the changes {@code docs/benchmarks.md} proposes, to measure what they buy.
 * Same contract as the generated reader (tolerant of order and unknown fields, defaults, required
 * fields, the same checks on UUIDs and instants); three differences:
 * <ol>
 *   <li>field names are matched in declaration order with {@link JsonParser#nextFieldName(
 *       com.fasterxml.jackson.core.SerializableString)}, which compares the input's bytes with the
 *       pre-encoded name and skips hashing and the symbol table; any other order falls back to a
 *       switch on the name;
 *   <li>UUIDs and instants are parsed from the parser's character buffer, once, without a
 *       {@code String} in between (the generated code validates the text, then {@code UUID.fromString}
 *       parses it again);
 *   <li>list elements are read in a loop in the reader itself, not through a helper and a lambda.
 * </ol>
 */
final class TunedOrderPlacedReader {

    private static final SerializedString[] ORDER_FIELDS = names("orderId", "customerId", "customerEmail",
            "totalMinor", "currency", "placedAt", "channel", "lines", "couponCode", "shipping");
    private static final SerializedString[] LINE_FIELDS = names("sku", "title", "quantity", "unitPriceMinor");
    private static final int[] HEX = new int[128];

    static {
        java.util.Arrays.fill(HEX, -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = 10 + i;
            HEX['A' + i] = 10 + i;
        }
    }

    private TunedOrderPlacedReader() {
    }

    private static SerializedString[] names(String... names) {
        SerializedString[] result = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = new SerializedString(names[i]);
        }
        return result;
    }

    /** The index of the next field: the expected one if it comes next, else found by name; -1 at the end. */
    private static int nextField(JsonParser in, SerializedString[] fields, int expected) throws IOException {
        if (expected < fields.length) {
            if (in.nextFieldName(fields[expected])) {
                return expected;
            }
            if (in.currentToken() != JsonToken.FIELD_NAME) {
                return -1;
            }
        } else if (in.nextToken() != JsonToken.FIELD_NAME) {
            return -1;
        }
        String name = in.currentName();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getValue().equals(name)) {
                return i;
            }
        }
        return fields.length;
    }

    static OrderPlaced read(JsonParser in) throws IOException {
        JsonReading.expectObject(in);
        OrderId orderId = null;
        UUID customerId = null;
        String customerEmail = null;
        long totalMinor = 0;
        String currency = null;
        Instant placedAt = null;
        Channel channel = null;
        List<OrderLine> lines = null;
        Optional<String> couponCode = Optional.empty();
        Shipping shipping = Shipping.STANDARD;
        int seen = 0;
        int expected = 0;
        for (int field; (field = nextField(in, ORDER_FIELDS, expected)) >= 0; expected = field + 1) {
            in.nextToken();
            switch (field) {
                case 0:
                    orderId = new OrderId(JsonReading.readString(in));
                    break;
                case 1:
                    customerId = readUuid(in);
                    break;
                case 2:
                    customerEmail = JsonReading.readString(in);
                    break;
                case 3:
                    totalMinor = JsonReading.readLong(in);
                    break;
                case 4:
                    currency = JsonReading.readString(in);
                    break;
                case 5:
                    placedAt = readInstant(in);
                    break;
                case 6:
                    channel = readChannel(in);
                    break;
                case 7:
                    lines = readLines(in);
                    break;
                case 8:
                    couponCode = JsonReading.isNull(in) ? Optional.empty() : Optional.of(JsonReading.readString(in));
                    break;
                case 9:
                    shipping = readShipping(in);
                    break;
                default:
                    JsonReading.skip(in);
                    continue;
            }
            seen |= 1 << field;
        }
        int required = 0b0011111111;
        if ((seen & required) != required) {
            int missing = Integer.numberOfTrailingZeros(~seen & required);
            throw JsonReading.missingField(ORDER_FIELDS[missing].getValue());
        }
        return new OrderPlaced(orderId, customerId, customerEmail, totalMinor, currency, placedAt, channel, lines,
                couponCode, shipping);
    }

    private static List<OrderLine> readLines(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw new CodecFailure("expected an array");
        }
        List<OrderLine> values = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            values.add(readLine(in));
        }
        return Collections.unmodifiableList(values);
    }

    private static OrderLine readLine(JsonParser in) throws IOException {
        JsonReading.expectObject(in);
        String sku = null;
        String title = null;
        int quantity = 0;
        long unitPriceMinor = 0;
        int seen = 0;
        int expected = 0;
        for (int field; (field = nextField(in, LINE_FIELDS, expected)) >= 0; expected = field + 1) {
            in.nextToken();
            switch (field) {
                case 0:
                    sku = JsonReading.readString(in);
                    break;
                case 1:
                    title = JsonReading.readString(in);
                    break;
                case 2:
                    quantity = JsonReading.readInt(in);
                    break;
                case 3:
                    unitPriceMinor = JsonReading.readLong(in);
                    break;
                default:
                    JsonReading.skip(in);
                    continue;
            }
            seen |= 1 << field;
        }
        if (seen != 0b1111) {
            throw JsonReading.missingField(LINE_FIELDS[Integer.numberOfTrailingZeros(~seen & 0b1111)].getValue());
        }
        return new OrderLine(sku, title, quantity, unitPriceMinor);
    }

    private static Channel readChannel(JsonParser in) throws IOException {
        switch (JsonReading.readSymbol(in)) {
            case "WEB":
                return Channel.WEB;
            case "MOBILE":
                return Channel.MOBILE;
            case "STORE":
                return Channel.STORE;
            default:
                throw JsonReading.unknownSymbol(in, "Channel");
        }
    }

    private static Shipping readShipping(JsonParser in) throws IOException {
        switch (JsonReading.readSymbol(in)) {
            case "STANDARD":
                return Shipping.STANDARD;
            case "EXPRESS":
                return Shipping.EXPRESS;
            default:
                return Shipping.STANDARD;
        }
    }

    /** {@code 8-4-4-4-12} hex digits straight from the parser's buffer; anything else as the runtime reads it. */
    private static UUID readUuid(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            return JsonReading.readUuid(in);
        }
        char[] text = in.getTextCharacters();
        int at = in.getTextOffset();
        if (in.getTextLength() == 36 && text[at + 8] == '-' && text[at + 13] == '-' && text[at + 18] == '-'
                && text[at + 23] == '-') {
            long a = hex(text, at, 8);
            long b = hex(text, at + 9, 4);
            long c = hex(text, at + 14, 4);
            long d = hex(text, at + 19, 4);
            long e = hex(text, at + 24, 12);
            if ((a | b | c | d | e) >= 0) {
                return new UUID(a << 32 | b << 16 | c, d << 48 | e);
            }
        }
        return Uuids.parse(in.getText());
    }

    /** The value of {@code count} hex digits, or -1 if one is not a hex digit. */
    private static long hex(char[] text, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text[i];
            int digit = c < 128 ? HEX[c] : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,6}]Z} straight from the parser's buffer; anything else as the runtime reads it. */
    private static Instant readInstant(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            return JsonReading.readInstant(in);
        }
        char[] text = in.getTextCharacters();
        int at = in.getTextOffset();
        int length = in.getTextLength();
        if (length >= 20 && length <= 27 && length != 21 && text[at + length - 1] == 'Z' && text[at + 4] == '-'
                && text[at + 7] == '-' && text[at + 10] == 'T' && text[at + 13] == ':' && text[at + 16] == ':'
                && (length == 20 || text[at + 19] == '.')) {
            int year = digits(text, at, 4);
            int month = digits(text, at + 5, 2);
            int day = digits(text, at + 8, 2);
            int hour = digits(text, at + 11, 2);
            int minute = digits(text, at + 14, 2);
            int second = digits(text, at + 17, 2);
            int fraction = length == 20 ? 0 : digits(text, at + 20, length - 21);
            if ((year | month | day | hour | minute | second | fraction) >= 0 && month >= 1 && month <= 12
                    && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth() && hour < 24
                    && minute < 60 && second < 60) {
                for (int i = length - 21; i < 9; i++) {
                    fraction *= 10;
                }
                long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
                return Instant.ofEpochSecond(seconds, fraction);
            }
        }
        return Temporals.parseInstant(in.getText());
    }

    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
