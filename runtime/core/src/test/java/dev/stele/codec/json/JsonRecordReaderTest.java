package dev.stele.codec.json;

import static dev.stele.codec.json.JsonRecordWriterTest.catchFailure;
import static dev.stele.codec.json.Samples.decode;
import static dev.stele.codec.json.Samples.encode;
import static dev.stele.codec.json.Samples.everything;
import static dev.stele.codec.json.Samples.text;
import static dev.stele.codec.json.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import dev.stele.codec.json.Everything.Line;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {

    private static final String SAMPLE = text(encode(everything()));

    @Test
    void readsBackWhatItWrote() {
        Samples.assertSameEvent(decode(encode(everything())), everything());
    }

    @Test
    void readsWhatJacksonWritesIncludingEscapedSurrogatePairs() {
        Everything value = Samples.withText("a\uD83D\uDE00 \"quoted\" \\ \u0001\n\t/ Zoë \u2028");
        byte[] jackson = Samples.jackson(new JsonFactory(), value);
        assertThat(text(jackson)).contains("\\uD83D\\uDE00");
        Samples.assertSameEvent(decode(jackson), value);
    }

    @Test
    void readsFieldsInAnyOrderWithWhitespaceAnywhere() {
        String json = " \n{ \"lines\" : [ { \"unitPrice\" : \"9.99\" , \"sku\" : \"A-1\" } ] ,\r\n\t\"attributes\":{ },"
                + "\"tags\":[ ],\"nickname\":\"Bo\",\"note\":null,\"channel\":\"WEB\",\"amount\":1,\"data\":\"\","
                + "\"id\":\"123E4567-E89B-12D3-A456-426614174000\",\"local\":\"2026-01-02T03:04\",\"day\":\"2026-01-02\","
                + "\"at\":\"2026-01-02T03:04:05+01:00\",\"text\":\"t\",\"score\":1e2,\"ratio\":\"NaN\",\"total\":-5,"
                + "\"flag\":false } \n";
        Everything value = decode(json);
        assertThat(value.lines()).containsExactly(new Line("A-1", 1, new BigDecimal("9.99")));
        assertThat(value.attributes()).isEmpty();
        assertThat(value.tags()).isEmpty();
        assertThat(value.nickname()).isEqualTo("Bo");
        assertThat(value.note()).isEmpty();
        assertThat(value.amount()).isEqualTo(new BigDecimal("1.00"));
        assertThat(value.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(value.at()).isEqualTo(Instant.parse("2026-01-02T02:04:05Z"));
        assertThat(value.score()).isEqualTo(100.0);
        assertThat(value.ratio()).isNaN();
        assertThat(value.count()).as("the @Default, kept when the field is absent").isEqualTo(Everything.COUNT_DEFAULT);
    }

    @Test
    void readsAFieldByItsAlias() {
        Everything value = decode(SAMPLE.replace("\"text\":", "\"label\":").replace("\"sku\":\"B-2\"", "\"code\":\"B-2\""));
        assertThat(value.text()).isEqualTo("Order for Zoë");
        assertThat(value.lines().get(1).sku()).isEqualTo("B-2");
    }

    @Test
    void aRecordOfNoFieldsSkipsTheFieldsItIsGiven() throws IOException {
        RecordFields none = RecordFields.of();
        byte[] json = utf8("{\"reason\":\"x\",\"more\":[1,{\"a\":null}]} ");
        JsonRecordReader in = new JsonRecordReader(json, 0, json.length);

        assertThat(in.firstField(none)).isEqualTo(RecordReader.END);
        in.expectEnd();
        assertThat(none.indexOf("reason")).isEqualTo(-1);
    }

    @Test
    void readsANameWithEscapes() {
        assertThat(decode(SAMPLE.replace("\"text\":", "\"t\\u0065xt\":")).text()).isEqualTo("Order for Zoë");
    }

    @Test
    void skipsUnknownFieldsOfEveryShape() {
        String unknown = "\"u1\":{\"a\":[1,2,{\"b\":null}],\"c\":{}},\"u2\":[[],[[\"x\\\"]\"]],{}],\"u3\":\"s\\u0041\","
                + "\"u4\":-1.5e-3,\"u5\":true,\"u6\":false,\"u7\":null,\"u8\":0,\"ünïcödé\":\"日本\",";
        String json = SAMPLE.replace("{\"flag\":", "{" + unknown + "\"flag\":")
                .replace("\"quantity\":2,", "\"quantity\":2," + unknown);
        json = json.substring(0, json.length() - 1) + "," + unknown.substring(0, unknown.length() - 1) + "}";
        Samples.assertSameEvent(decode(json), everything());
    }

    @Test
    void aFieldGivenTwiceReadsAsItsLastValue() {
        assertThat(decode(SAMPLE.replace("\"count\":42,", "\"count\":1,\"count\":42,\"count\":43,")).count()).isEqualTo(43);
    }

    @Test
    void keepsDefaultsAndEmptyOptionalsWhenOptionalFieldsAreAbsent() {
        Everything value = decode(SAMPLE.replace("\"count\":42,", "").replace("\"note\":\"leave at door\",", "")
                .replace("\"quantity\":12,", ""));
        assertThat(value.count()).isEqualTo(Everything.COUNT_DEFAULT);
        assertThat(value.note()).isEqualTo(Optional.empty());
        assertThat(value.lines().get(2).quantity()).isEqualTo(1);
    }

    @Test
    void aMissingRequiredFieldFailsAtTheRecordsEndWithItsPath() {
        assertFails(SAMPLE.replace("\"sku\":\"B-2\",", ""), "lines[1].sku", "required field is missing; it has no @Default");
        assertFails(SAMPLE.replace("\"flag\":true,", ""), "flag", "required field is missing; it has no @Default");
        assertFails("{}", "flag", "required field is missing; it has no @Default");
    }

    @Test
    void checksThePresenceOfMoreThan64Fields() throws IOException {
        String[] names = new String[70];
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
            if (i != 66) {
                json.append(json.length() > 1 ? "," : "").append("\"f").append(i).append("\":").append(i);
            }
        }
        RecordFields fields = RecordFields.of(names);
        byte[] bytes = utf8(json.append('}').toString());
        JsonRecordReader in = new JsonRecordReader(bytes, 0, bytes.length);
        CodecFailure failure = catchFailure(() -> {
            for (int field = in.firstField(fields); field != RecordReader.END; field = in.nextField(fields)) {
                assertThat(in.readInt()).isEqualTo(field);
            }
        });
        assertThat(failure.reason()).isEqualTo("required field is missing; it has no @Default");
        assertThat(in.path()).isEqualTo("f66");
    }

    @Test
    void malformedInputFailsSayingWhere() {
        assertMalformed("{\"parcelId\":\"p\",\"weightGrams\":12,,", "Unexpected character", "(line 1, column 34)");
        assertMalformed("{\n  \"flag\": tru,", "Unexpected character", "(line 2, column 14)");
        assertMalformed("{\"flag\":true,}", "Unexpected character ('}' (code 125))", "(line 1, column 14)");
        assertMalformed("{\"tags\":[\"a\",]}", "Unexpected character (']' (code 93))", "(line 1, column 14)");
        assertMalformed("{\"count\":01}", "Unexpected character ('1'", "(line 1, column 11)");
        assertMalformed("{\"count\":-}", "Unexpected character ('}'", "(line 1, column 11)");
        assertMalformed("{\"score\":1.}", "Unexpected character ('}'", "(line 1, column 12)");
        assertMalformed("{\"score\":.5}", "Unexpected character ('.'", "(line 1, column 10)");
        assertMalformed("{\"score\":1e}", "Unexpected character ('}'", "(line 1, column 12)");
        assertMalformed("{\"score\":NaN}", "Unexpected character ('N'", "(line 1, column 10)");
        assertMalformed("{\"score\":+1}", "Unexpected character ('+'", "(line 1, column 10)");
        assertMalformed("{'flag':true}", "Unexpected character (''' (code 39))", "(line 1, column 2)");
        assertMalformed("{/* c */\"flag\":true}", "Unexpected character ('/'", "(line 1, column 2)");
        assertMalformed("{\"text\":\"a\tb\"}", "Unexpected character (code 9)", "(line 1, column 11)");
        assertMalformed("{\"text\":\"a\\xb\"}", "Unexpected character ('x'", "(line 1, column 12)");
        assertMalformed("{\"text\":\"\\u12G4\"}", "Unexpected character ('G'", "(line 1, column 14)");
        assertMalformed("{\"flag\" true}", "Unexpected character ('t'", "(line 1, column 9)");
        assertMalformed("{\"flag\":true", "Unexpected end-of-input", "(line 1, column 13)");
        assertMalformed("", "Unexpected end-of-input", "(line 1, column 1)");
        assertMalformed("{\"text\":\"abc", "Unexpected end-of-input", "(line 1, column 13)");
        assertMalformed("\u00a0{}", "Unexpected character (code 194)", "(line 1, column 1)");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xC3, 'a'},
        };
        for (byte[] sequence : bad) {
            for (String field : List.of("text", "ünknown")) {
                byte[] prefix = utf8("{\"" + field + "\":\"a");
                byte[] json = new byte[prefix.length + sequence.length + 2];
                System.arraycopy(prefix, 0, json, 0, prefix.length);
                System.arraycopy(sequence, 0, json, prefix.length, sequence.length);
                json[json.length - 2] = '"';
                json[json.length - 1] = '}';
                CodecFailure failure = catchFailure(() -> Samples.decode(json));
                assertThat(failure.reason()).startsWith("Unexpected character").contains("not valid UTF-8")
                        .endsWith(")");
            }
        }
    }

    @Test
    void aValueOfTheWrongKindFailsSayingWhatWasExpectedAndFound() {
        assertFails(set("text", "12"), "text", "expected a string, found a number");
        assertFails(set("text", "null"), "text", "expected a string, found null, but the field is required");
        assertFails(set("count", "\"12\""), "count", "expected a whole number, found a string");
        assertFails(set("count", "1.5"), "count", "expected a whole number, found a number");
        assertFails(set("count", "1e2"), "count", "expected a whole number, found a number");
        assertFails(set("total", "true"), "total", "expected a whole number, found a boolean");
        assertFails(set("flag", "1"), "flag", "expected true or false, found a number");
        assertFails(set("score", "[]"), "score", "expected a number, found an array");
        assertFails(set("score", "\"one\""), "score", "expected a number, found the string 'one'");
        assertFails(set("amount", "{}"), "amount", "expected a decimal number, found an object");
        assertFails(set("at", "1"), "at", "expected an ISO-8601 instant string, found a number");
        assertFails(set("day", "1"), "day", "expected an ISO-8601 date string, found a number");
        assertFails(set("local", "1"), "local", "expected an ISO-8601 local date-time string, found a number");
        assertFails(set("id", "1"), "id", "expected a UUID string, found a number");
        assertFails(set("data", "1"), "data", "expected a Base64 string, found a number");
        assertFails(set("channel", "1"), "channel", "expected an enum symbol string, found a number");
        assertFails(set("lines", "{}"), "lines", "expected an array, found an object");
        assertFails(set("attributes", "[]"), "attributes", "expected an object, found an array");
        assertFails(SAMPLE.replace("{\"sku\":\"B-2\"", "[{\"sku\":\"B-2\"").replace("0.50}", "0.50}]"), "lines[1]",
                "expected an object, found an array");
        assertFails(SAMPLE.replace("\"gift\"", "null"), "tags[1]", "expected a string, found null, but the field is required");
        assertFails(SAMPLE.replace("\"size\":-12", "\"size\":\"x\""), "attributes.size",
                "expected a whole number, found a string");
    }

    @Test
    void theTopLevelValueMustBeAnObject() {
        assertFails("[1]", "", "expected an object, found an array");
        assertFails("\"x\"", "", "expected an object, found a string");
        assertFails("null", "", "expected an object, found null, but the field is required");
    }

    @Test
    void onlyWhitespaceMayFollowTheEventObject() {
        Samples.assertSameEvent(decode(SAMPLE + " \r\n\t"), everything());
        assertFails(SAMPLE + " {}", "", "unexpected content after the event object");
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        assertFails(set("count", "2147483648"), "count", "2147483648 is out of range for an int");
        assertFails(set("count", "-2147483649"), "count", "-2147483649 is out of range for an int");
        assertFails(set("count", "99999999999999999999"), "count", "99999999999999999999 is out of range for an int");
        assertFails(set("total", "9223372036854775808"), "total", "9223372036854775808 is out of range for a long");
        assertFails(set("total", "-9223372036854775809"), "total", "-9223372036854775809 is out of range for a long");
        assertFails(set("ratio", "1e39"), "ratio", "1e39 is out of range for a float");
        assertFails(set("score", "-1e309"), "score", "-1e309 is out of range for a double");
        assertThat(decode(set("count", "-2147483648")).count()).isEqualTo(Integer.MIN_VALUE);
        assertThat(decode(set("total", "-9223372036854775808")).total()).isEqualTo(Long.MIN_VALUE);
        assertThat(decode(set("total", "9223372036854775807")).total()).isEqualTo(Long.MAX_VALUE);
        assertThat(decode(set("count", "-0")).count()).isZero();
    }

    @Test
    void readsFloatsAndDoublesAsJavaParsesThem() {
        for (String number : List.of("0", "-0", "0.1", "-0.125", "123456789012345", "1234567890123456789",
                "0.30000000000000004", "2.2250738585072014E-308", "1e22", "1E-7", "9007199254740993", "4.9e-324",
                "3.4028235e38", "0.000000000000000000001")) {
            assertThat(decode(set("score", number)).score()).as(number).isEqualTo(Double.parseDouble(number));
            assertThat(decode(set("ratio", number)).ratio()).as(number).isEqualTo(Float.parseFloat(number));
        }
        assertThat(decode(set("score", "-0")).score()).isEqualTo(-0.0);
        assertThat(decode(set("score", "\"Infinity\"")).score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decode(set("ratio", "\"-Infinity\"")).ratio()).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void readsDecimalsAsNumbersOrStringsAndRefusesRounding() {
        assertThat(decode(set("amount", "\"-12.5\"")).amount()).isEqualTo(new BigDecimal("-12.50"));
        assertThat(decode(set("amount", "12.5e1")).amount()).isEqualTo(new BigDecimal("125.00"));
        assertThat(decode(set("amount", "-0.0")).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(decode(set("amount", "9999999999.99")).amount()).isEqualTo(new BigDecimal("9999999999.99"));
        assertFails(set("amount", "1.234"), "amount", "1.234 has more than 2 digits after the decimal point; the field is"
                + " @Decimal(precision = 12, scale = 2) and Stele does not round");
        assertFails(set("amount", "\"x\""), "amount", "'x' is not a decimal number");
        assertFails(set("amount", "1e9999999999"), "amount", "'1e9999999999' is not a decimal number");
        assertFails(set("amount", "1e400000000"), "amount", "1E+400000000 needs more than 10 digits before the decimal"
                + " point; the field is @Decimal(precision = 12, scale = 2)");
    }

    @Test
    void refusesAnUnpairedSurrogateEscapeAsWritingDoes() {
        assertFails(set("text", "\"ab\\ud800\""), "text",
                "holds an unpaired surrogate (U+D800) at index 2, which UTF-8 cannot encode");
        assertFails(set("text", "\"\\uDE00\\uD83D\""), "text",
                "holds an unpaired surrogate (U+DE00) at index 0, which UTF-8 cannot encode");
        assertFails(SAMPLE.replace("\"size\":", "\"s\\ud800\":"), "attributes[\"s\uD800\"]",
                "holds an unpaired surrogate (U+D800) at index 1, which UTF-8 cannot encode");
        assertThat(decode(set("text", "\"\\ud83d\\ude00\\u00e9\\/\"")).text()).isEqualTo("\uD83D\uDE00é/");
    }

    @Test
    void textThatDoesNotParseFailsWithTheMessagesOfTheSharedParsers() {
        assertFails(set("at", "\"2026-13-01T00:00:00Z\""), "at",
                "'2026-13-01T00:00:00Z' is not an ISO-8601 instant such as 2024-01-31T10:15:30.123456Z");
        assertFails(set("at", "\"2262-04-11T23:47:16.854775808Z\""), "at", "2262-04-11T23:47:16.854775808Z is outside"
                + " the range of a timestamp in nanoseconds (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)");
        assertFails(set("day", "\"2026-02-30\""), "day", "'2026-02-30' is not an ISO-8601 date such as 2024-01-31");
        assertFails(set("local", "\"x\""), "local",
                "'x' is not an ISO-8601 local date-time such as 2024-01-31T10:15:30.123456789");
        assertFails(set("id", "\"123e4567-e89b-12d3-a456-42661417400g\""), "id",
                "'123e4567-e89b-12d3-a456-42661417400g' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        assertFails(set("id", "\"1-2-3-4-5\""), "id", "'1-2-3-4-5' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        assertFails(set("data", "\"a-bc\""), "data", "'a-bc' is not Base64 (Illegal base64 character 2d)");
        assertFails(set("data", "\"AAE\""), "data",
                "'AAE' is not Base64 (its length is not a multiple of 4: padding is missing)");
        assertThat(decode(set("data", "\"AAE=\"")).data()).containsExactly(0, 1);
        assertFails(set("channel", "\"FAX\""), "channel",
                "'FAX' is not a symbol of Channel (a later release may have added it; a @Default on the field would stand in for it)");
    }

    @Test
    void readsInstantsOfEveryFractionLengthAndShape() {
        for (String text : List.of("2026-11-26T09:30:00Z", "2026-11-26T09:30:00.1Z", "2026-11-26T09:30:00.123Z",
                "2026-11-26T09:30:00.123456Z", "2026-11-26T09:30:00.123456789Z", "2026-11-26T10:30:00.5+01:00",
                "1677-09-21T00:12:43.145224192Z")) {
            assertThat(decode(set("at", '"' + text + '"')).at()).as(text).isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
        assertThat(decode(set("at", "\"2026-11-26T09:30:00\\u005A\"")).at()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
    }

    @Test
    void readsEnumsAndUuidsWrittenWithEscapes() {
        assertThat(decode(set("channel", "\"W\\u0045B\"")).channel()).isEqualTo(Everything.Channel.WEB);
        assertThat(decode(set("id", "\"123e4567-e89b-12d3-a456-42661417400\\u0030\"")).id())
                .isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    }

    @Test
    void aResetReaderReadsTheNextEvent() throws IOException {
        byte[] bad = utf8(set("text", "1"));
        byte[] good = encode(everything());
        JsonRecordReader in = new JsonRecordReader(bad, 0, bad.length);
        assertThat(catchFailure(() -> Everything.read(in)).reason()).isEqualTo("expected a string, found a number");
        byte[] padded = new byte[good.length + 10];
        System.arraycopy(good, 0, padded, 5, good.length);
        in.reset(padded, 5, good.length);
        assertThat(in.path()).isEmpty();
        Samples.assertSameEvent(Everything.read(in), everything());
        in.expectEnd();
    }

    /** The sample with {@code field}'s value replaced by {@code json}. */
    static String set(String field, String json) {
        return replaceValue(SAMPLE, field, value -> json);
    }

    private static String replaceValue(String sample, String field, UnaryOperator<String> value) {
        String key = "\"" + field + "\":";
        int from = sample.indexOf(key) + key.length();
        int depth = 0;
        int to = from;
        boolean inString = false;
        for (; to < sample.length(); to++) {
            char c = sample.charAt(to);
            if (inString) {
                inString = c != '"' || sample.charAt(to - 1) == '\\';
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth-- == 0) {
                    break;
                }
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return sample.substring(0, from) + value.apply(sample.substring(from, to)) + sample.substring(to);
    }

    private static void assertFails(String json, String path, String reason) {
        byte[] bytes = utf8(json);
        JsonRecordReader in = new JsonRecordReader(bytes, 0, bytes.length);
        CodecFailure failure = catchFailure(() -> {
            Everything.read(in);
            in.expectEnd();
        });
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(in.path()).isEqualTo(path);
    }

    private static void assertMalformed(String json, String start, String end) {
        CodecFailure failure = catchFailure(() -> decode(json));
        assertThat(failure.reason()).startsWith(start).endsWith(end);
    }
}
