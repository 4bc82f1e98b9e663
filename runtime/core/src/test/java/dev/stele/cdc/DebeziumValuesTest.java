package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.projection.Lsn;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DebeziumValuesTest {

    private static final ColumnRef COLUMN = new ColumnRef("public.customers", "c");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static ChangeEventException failure(ThrowingCallable call, Problem problem) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ChangeEventException.class);
        ChangeEventException error = (ChangeEventException) thrown;
        assertThat(error.problem()).as(error.getMessage()).isEqualTo(problem);
        assertThat(error.table()).isEqualTo("public.customers");
        assertThat(error.column()).isEqualTo("c");
        assertThat(error.getMessage()).startsWith("Column c of public.customers: ");
        return error;
    }

    private static String base64(BigInteger unscaled) {
        return Base64.getEncoder().encodeToString(unscaled.toByteArray());
    }

    @Nested
    class Timestamptz {

        @Test
        void readsDebeziumsIsoTextInUtcToTheMicrosecond() {
            assertThat(DebeziumValues.instant(COLUMN, "2024-01-31T10:15:30.123456Z"))
                    .isEqualTo(Instant.parse("2024-01-31T10:15:30.123456Z"));
            assertThat(DebeziumValues.instant(COLUMN, "2024-01-31T10:15:30Z")).isEqualTo(Instant.parse("2024-01-31T10:15:30Z"));
        }

        @Test
        void readsAnOffset() {
            assertThat(DebeziumValues.instant(COLUMN, "2024-01-31T12:15:30.5+02:00"))
                    .isEqualTo(Instant.parse("2024-01-31T10:15:30.5Z"));
        }

        @Test
        void readsBeforeTheEpochAndBeyondWhatStelesNanosecondsHold() {
            assertThat(DebeziumValues.instant(COLUMN, "1969-12-31T23:59:59.999999Z"))
                    .isEqualTo(Instant.ofEpochSecond(-1, 999_999_000));
            assertThat(DebeziumValues.instant(COLUMN, "1500-01-01T00:00:00Z")).isEqualTo(Instant.parse("1500-01-01T00:00:00Z"));
            assertThat(DebeziumValues.instant(COLUMN, "+294276-12-31T23:59:59.999999Z"))
                    .isEqualTo(Instant.parse("+294276-12-31T23:59:59.999999Z"));
            assertThat(DebeziumValues.instant(COLUMN, "-4712-01-01T00:00:00Z")).isEqualTo(Instant.parse("-4712-01-01T00:00:00Z"));
        }

        @Test
        void readsTheLargestAndSmallestInstants() {
            assertThat(DebeziumValues.instant(COLUMN, Instant.MAX.toString())).isEqualTo(Instant.MAX);
            assertThat(DebeziumValues.instant(COLUMN, Instant.MIN.toString())).isEqualTo(Instant.MIN);
        }

        @Test
        void refusesAnInstantBeyondInstantMax() {
            assertThat(failure(() -> DebeziumValues.instant(COLUMN, "+1000000001-01-01T00:00:00Z"), Problem.OUT_OF_RANGE)
                    .reason()).contains("outside the range of an Instant");
        }

        @Test
        void refusesTextThatIsNoInstant() {
            failure(() -> DebeziumValues.instant(COLUMN, "2024-01-31 10:15:30"), Problem.MALFORMED);
            failure(() -> DebeziumValues.instant(COLUMN, "2024-02-30T10:15:30Z"), Problem.MALFORMED);
            failure(() -> DebeziumValues.instant(COLUMN, "infinity"), Problem.MALFORMED);
            failure(() -> DebeziumValues.instant(COLUMN, ""), Problem.MALFORMED);
        }
    }

    @Nested
    class Timestamp {

        @Test
        void readsMicrosMillisAndNanos() {
            LocalDateTime expected = LocalDateTime.parse("2024-01-31T10:15:30.123456");
            assertThat(DebeziumValues.localDateTime(COLUMN, 1_706_696_130_123_456L, TimestampUnit.MICROS)).isEqualTo(expected);
            assertThat(DebeziumValues.localDateTime(COLUMN, 1_706_696_130_123L, TimestampUnit.MILLIS))
                    .isEqualTo(LocalDateTime.parse("2024-01-31T10:15:30.123"));
            assertThat(DebeziumValues.localDateTime(COLUMN, 1_706_696_130_123_456_789L, TimestampUnit.NANOS))
                    .isEqualTo(LocalDateTime.parse("2024-01-31T10:15:30.123456789"));
        }

        @Test
        void negativeValuesAreBefore1970RoundedTowardsThePast() {
            assertThat(DebeziumValues.localDateTime(COLUMN, -1, TimestampUnit.MICROS))
                    .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
            assertThat(DebeziumValues.localDateTime(COLUMN, -1, TimestampUnit.MILLIS))
                    .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999"));
            assertThat(DebeziumValues.localDateTime(COLUMN, -1, TimestampUnit.NANOS))
                    .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999999"));
            assertThat(DebeziumValues.localDateTime(COLUMN, -14_182_940_000_000L, TimestampUnit.MICROS))
                    .isEqualTo(LocalDateTime.parse("1969-07-20T20:17:40"));
            assertThat(DebeziumValues.localDateTime(COLUMN, -14_182_939_999_999L, TimestampUnit.MICROS))
                    .isEqualTo(LocalDateTime.parse("1969-07-20T20:17:40.000001"));
        }

        @Test
        void everyInt64OfEveryUnitIsALocalDateTime() {
            for (TimestampUnit unit : TimestampUnit.values()) {
                assertThat(DebeziumValues.localDateTime(COLUMN, Long.MAX_VALUE, unit)).isNotNull();
                assertThat(DebeziumValues.localDateTime(COLUMN, Long.MIN_VALUE, unit)).isNotNull();
            }
            assertThat(DebeziumValues.localDateTime(COLUMN, Long.MIN_VALUE, TimestampUnit.MICROS))
                    .isEqualTo(LocalDateTime.parse("1970-01-01T00:00").plusSeconds(Math.floorDiv(Long.MIN_VALUE, 1_000_000L))
                            .plusNanos(Math.floorMod(Long.MIN_VALUE, 1_000_000L) * 1000L));
            assertThat(DebeziumValues.localDateTime(COLUMN, Long.MAX_VALUE, TimestampUnit.MILLIS))
                    .isEqualTo(LocalDateTime.parse("1970-01-01T00:00").plusSeconds(Long.MAX_VALUE / 1000).plusNanos(807_000_000L));
        }

        @Test
        void theSchemaNameDecidesTheUnit() {
            assertThat(TimestampUnit.ofSchemaName(DebeziumSchemaNames.MICRO_TIMESTAMP)).contains(TimestampUnit.MICROS);
            assertThat(TimestampUnit.ofSchemaName(DebeziumSchemaNames.TIMESTAMP)).contains(TimestampUnit.MILLIS);
            assertThat(TimestampUnit.ofSchemaName(DebeziumSchemaNames.CONNECT_TIMESTAMP)).contains(TimestampUnit.MILLIS);
            assertThat(TimestampUnit.ofSchemaName(DebeziumSchemaNames.NANO_TIMESTAMP)).contains(TimestampUnit.NANOS);
            assertThat(TimestampUnit.ofSchemaName(DebeziumSchemaNames.ZONED_TIMESTAMP)).isEmpty();
        }
    }

    @Nested
    class Date {

        @Test
        void readsDaysSince1970() {
            assertThat(DebeziumValues.localDate(COLUMN, 19_753)).isEqualTo(LocalDate.parse("2024-01-31"));
            assertThat(DebeziumValues.localDate(COLUMN, 0)).isEqualTo(LocalDate.parse("1970-01-01"));
            assertThat(DebeziumValues.localDate(COLUMN, -1)).isEqualTo(LocalDate.parse("1969-12-31"));
            assertThat(DebeziumValues.localDate(COLUMN, Integer.MIN_VALUE)).isEqualTo(LocalDate.ofEpochDay(Integer.MIN_VALUE));
            assertThat(DebeziumValues.localDate(COLUMN, Integer.MAX_VALUE)).isEqualTo(LocalDate.ofEpochDay(Integer.MAX_VALUE));
        }

        @Test
        void refusesADayCountWiderThanInt32() {
            failure(() -> DebeziumValues.localDate(COLUMN, Integer.MAX_VALUE + 1L), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.localDate(COLUMN, Long.MIN_VALUE), Problem.OUT_OF_RANGE);
        }
    }

    @Nested
    class Numeric {

        @Test
        void readsTheUnscaledBytesAtTheSchemasScale() {
            assertThat(DebeziumValues.decimal(COLUMN, "BNI=", 2)).isEqualTo(new BigDecimal("12.34"));
            assertThat(DebeziumValues.decimal(COLUMN, "AA==", 3)).isEqualTo(new BigDecimal("0.000"));
        }

        @Test
        void readsNegativeDecimals() {
            assertThat(DebeziumValues.decimal(COLUMN, base64(BigInteger.valueOf(-1234)), 2)).isEqualTo(new BigDecimal("-12.34"));
            assertThat(DebeziumValues.decimal(COLUMN, "/w==", 0)).isEqualTo(new BigDecimal("-1"));
            assertThat(DebeziumValues.decimal(COLUMN, "gA==", 0)).isEqualTo(new BigDecimal("-128"));
        }

        @Test
        void readsThirtyEightDigitsExactly() {
            BigDecimal max = new BigDecimal("9999999999999999999999999999.9999999999");
            BigDecimal min = max.negate();
            assertThat(DebeziumValues.decimal(COLUMN, base64(max.unscaledValue()), 10)).isEqualTo(max);
            assertThat(DebeziumValues.decimal(COLUMN, base64(min.unscaledValue()), 10)).isEqualTo(min);
        }

        @Test
        void refusesBadBase64AndNoBytes() {
            failure(() -> DebeziumValues.decimal(COLUMN, "BNI", 2), Problem.MALFORMED);
            failure(() -> DebeziumValues.decimal(COLUMN, "B*I=", 2), Problem.MALFORMED);
            failure(() -> DebeziumValues.decimal(COLUMN, "", 2), Problem.MALFORMED);
        }

        @Test
        void readsAVariableScaleDecimalInEitherFieldOrder() throws IOException {
            assertThat(variable("{\"scale\":3,\"value\":\"MDk=\"}")).isEqualTo(new BigDecimal("12.345"));
            assertThat(variable("{\"value\":\"MDk=\",\"scale\":0}")).isEqualTo(new BigDecimal("12345"));
            BigDecimal wide = new BigDecimal("-123456789012345678901234567890.123456789012345678901234567890");
            assertThat(variable("{\"scale\":30,\"value\":\"" + base64(wide.unscaledValue()) + "\"}")).isEqualTo(wide);
        }

        @Test
        void leavesTheParserOnTheObjectsEnd() throws IOException {
            try (JsonParser parser = JSON.createParser("[{\"scale\":1,\"value\":\"DA==\"},7]")) {
                parser.nextToken();
                parser.nextToken();
                assertThat(DebeziumValues.variableScaleDecimal(COLUMN, parser)).isEqualTo(new BigDecimal("1.2"));
                assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
                assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            }
        }

        @Test
        void refusesAMalformedVariableScaleDecimal() {
            for (String bad : new String[] {"{\"scale\":\"2\",\"value\":\"BNI=\"}", "{\"scale\":2.5,\"value\":\"BNI=\"}",
                    "{\"scale\":-1,\"value\":\"BNI=\"}", "{\"scale\":99999,\"value\":\"BNI=\"}",
                    "{\"scale\":3000000000,\"value\":\"BNI=\"}", "{\"value\":\"BNI=\"}", "{\"scale\":2}",
                    "{\"scale\":2,\"value\":1234}", "{\"scale\":2,\"value\":\"BNI=\",\"extra\":1}",
                    "{\"scale\":2,\"value\":\"not base64!\"}", "\"12.34\"", "12.34", "[2,\"BNI=\"]"}) {
                failure(() -> variable(bad), Problem.MALFORMED);
            }
        }

        @Test
        void readsTheStringMode() {
            assertThat(DebeziumValues.decimalFromString(COLUMN, "-12.50")).isEqualTo(new BigDecimal("-12.50"));
            assertThat(DebeziumValues.decimalFromString(COLUMN, "12345678901234567890123456789012345678"))
                    .isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
            failure(() -> DebeziumValues.decimalFromString(COLUMN, "12,5"), Problem.MALFORMED);
            failure(() -> DebeziumValues.decimalFromString(COLUMN, "NaN"), Problem.MALFORMED);
        }

        @Test
        void refusesADoubleUnlessAllowed() {
            ChangeEventException error = failure(() -> DebeziumValues.decimalFromDouble(COLUMN, 12.34, false), Problem.INEXACT);
            assertThat(error.reason()).contains("decimal.handling.mode=precise");
            assertThat(DebeziumValues.decimalFromDouble(COLUMN, 12.34, true)).isEqualTo(new BigDecimal("12.34"));
            failure(() -> DebeziumValues.decimalFromDouble(COLUMN, Double.NaN, true), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.decimalFromDouble(COLUMN, Double.POSITIVE_INFINITY, true), Problem.OUT_OF_RANGE);
        }

        @Test
        void fitsAPrecisionAndScaleWithoutRounding() {
            assertThat(DebeziumValues.fit(COLUMN, new BigDecimal("12.3"), 10, 2)).isEqualTo(new BigDecimal("12.30"));
            failure(() -> DebeziumValues.fit(COLUMN, new BigDecimal("12.345"), 10, 2), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.fit(COLUMN, new BigDecimal("123456789.1"), 10, 2), Problem.OUT_OF_RANGE);
        }

        @Test
        void narrowsToALongOnlyWhenExact() {
            assertThat(DebeziumValues.exactLong(COLUMN, new BigDecimal("9223372036854775807"))).isEqualTo(Long.MAX_VALUE);
            assertThat(DebeziumValues.exactLong(COLUMN, new BigDecimal("-9223372036854775808.000"))).isEqualTo(Long.MIN_VALUE);
            assertThat(DebeziumValues.exactLong(COLUMN, new BigDecimal("1.2E+3"))).isEqualTo(1200L);
            assertThat(DebeziumValues.exactLong(COLUMN, new BigDecimal("0.00"))).isZero();
            failure(() -> DebeziumValues.exactLong(COLUMN, new BigDecimal("9223372036854775808")), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.exactLong(COLUMN, new BigDecimal("-9223372036854775809")), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.exactLong(COLUMN, new BigDecimal("1.5")), Problem.OUT_OF_RANGE);
            failure(() -> DebeziumValues.exactLong(COLUMN, new BigDecimal("1e400000000")), Problem.OUT_OF_RANGE);
        }

        private BigDecimal variable(String json) throws IOException {
            try (JsonParser parser = JSON.createParser(json)) {
                parser.nextToken();
                return DebeziumValues.variableScaleDecimal(COLUMN, parser);
            }
        }
    }

    @Nested
    class Uuid {

        @Test
        void readsTheTextForm() {
            assertThat(DebeziumValues.uuid(COLUMN, "123e4567-e89b-12d3-a456-426614174000"))
                    .isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        }

        @Test
        void refusesOtherText() {
            failure(() -> DebeziumValues.uuid(COLUMN, "1-2-3-4-5"), Problem.MALFORMED);
            failure(() -> DebeziumValues.uuid(COLUMN, "123e4567e89b12d3a456426614174000"), Problem.MALFORMED);
        }
    }

    @Nested
    class Bytea {

        private final byte[] sample = {0, 1, (byte) 0xfe, (byte) 0xff, 0x7f, (byte) 0x80};

        @Test
        void readsEachBinaryHandlingMode() {
            assertThat(DebeziumValues.bytes(COLUMN, "AAH+/3+A", BinaryHandlingMode.BYTES)).isEqualTo(sample);
            assertThat(DebeziumValues.bytes(COLUMN, "AAH+/3+A", BinaryHandlingMode.BASE64)).isEqualTo(sample);
            assertThat(DebeziumValues.bytes(COLUMN, "AAH-_3-A", BinaryHandlingMode.BASE64_URL_SAFE)).isEqualTo(sample);
            assertThat(DebeziumValues.bytes(COLUMN, "0001feff7f80", BinaryHandlingMode.HEX)).isEqualTo(sample);
            assertThat(DebeziumValues.bytes(COLUMN, "0001FEFF7F80", BinaryHandlingMode.HEX)).isEqualTo(sample);
        }

        @Test
        void readsZeroBytes() {
            for (BinaryHandlingMode mode : BinaryHandlingMode.values()) {
                assertThat(DebeziumValues.bytes(COLUMN, "", mode)).as(mode.name()).isEmpty();
            }
        }

        @Test
        void refusesBadBase64AndBadHex() {
            failure(() -> DebeziumValues.bytes(COLUMN, "AAH-_3-A", BinaryHandlingMode.BYTES), Problem.MALFORMED);
            failure(() -> DebeziumValues.bytes(COLUMN, "AAH+/3+A", BinaryHandlingMode.BASE64_URL_SAFE), Problem.MALFORMED);
            failure(() -> DebeziumValues.bytes(COLUMN, "A", BinaryHandlingMode.BASE64), Problem.MALFORMED);
            failure(() -> DebeziumValues.bytes(COLUMN, "abc", BinaryHandlingMode.HEX), Problem.MALFORMED);
            failure(() -> DebeziumValues.bytes(COLUMN, "0g", BinaryHandlingMode.HEX), Problem.MALFORMED);
        }

        @Test
        void modesAreNamedAsDebeziumConfiguresThem() {
            for (BinaryHandlingMode mode : BinaryHandlingMode.values()) {
                assertThat(BinaryHandlingMode.ofConfigValue(mode.configValue())).isEqualTo(mode);
            }
            assertThat(BinaryHandlingMode.ofConfigValue(" HEX ")).isEqualTo(BinaryHandlingMode.HEX);
            assertThatThrownBy(() -> BinaryHandlingMode.ofConfigValue("base32"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64-url-safe");
        }
    }

    @Nested
    class Json {

        @Test
        void returnsTheJsonTextAsItIs() {
            String text = "{\"a\": [1, 2.5, \"ü\", null], \"b\": {\"c\": true}}";
            assertThat(DebeziumValues.json(COLUMN, text)).isSameAs(text);
            assertThat(DebeziumValues.json(COLUMN, "\"just a string\"")).isEqualTo("\"just a string\"");
            assertThat(DebeziumValues.json(COLUMN, " 42 ")).isEqualTo(" 42 ");
        }

        @Test
        void refusesTextThatIsNotOneJsonValue() {
            failure(() -> DebeziumValues.json(COLUMN, "{\"a\":"), Problem.MALFORMED);
            failure(() -> DebeziumValues.json(COLUMN, "{\"a\":1} {}"), Problem.MALFORMED);
            failure(() -> DebeziumValues.json(COLUMN, ""), Problem.MALFORMED);
            failure(() -> DebeziumValues.json(COLUMN, "not json"), Problem.MALFORMED);
        }
    }

    @Nested
    class Toast {

        @Test
        void thePlaceholderIsNeverReturnedAsData() {
            String placeholder = DebeziumSchemaNames.UNAVAILABLE_VALUE;
            ThrowingCallable[] calls = {
                () -> DebeziumValues.instant(COLUMN, placeholder),
                () -> DebeziumValues.decimal(COLUMN, placeholder, 2),
                () -> DebeziumValues.decimalFromString(COLUMN, placeholder),
                () -> DebeziumValues.variableScaleDecimal(COLUMN, 2, placeholder),
                () -> DebeziumValues.uuid(COLUMN, placeholder),
                () -> DebeziumValues.json(COLUMN, placeholder),
                () -> DebeziumValues.text(COLUMN, placeholder),
                () -> DebeziumValues.bytes(COLUMN, placeholder, BinaryHandlingMode.HEX),
                () -> DebeziumValues.bytes(COLUMN, DebeziumSchemaNames.UNAVAILABLE_VALUE_BASE64, BinaryHandlingMode.BYTES),
                () -> DebeziumValues.bytes(COLUMN, DebeziumSchemaNames.UNAVAILABLE_VALUE_BASE64, BinaryHandlingMode.BASE64),
                () -> DebeziumValues.bytes(COLUMN, "X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==", BinaryHandlingMode.BASE64_URL_SAFE),
                () -> DebeziumValues.bytes(COLUMN, "5f5f646562657a69756d5f756e617661696c61626c655f76616c7565",
                        BinaryHandlingMode.HEX),
                () -> {
                    try (JsonParser parser = JSON.createParser("\"" + placeholder + "\"")) {
                        parser.nextToken();
                        DebeziumValues.variableScaleDecimal(COLUMN, parser);
                    }
                },
            };
            for (ThrowingCallable call : calls) {
                ChangeEventException error = failure(call, Problem.UNAVAILABLE);
                assertThat(error.reason()).contains("ALTER TABLE public.customers REPLICA IDENTITY FULL")
                        .contains(DebeziumSchemaNames.UNAVAILABLE_VALUE);
            }
        }

        @Test
        void theBase64ConstantIsThePlaceholdersBytes() {
            assertThat(Base64.getDecoder().decode(DebeziumSchemaNames.UNAVAILABLE_VALUE_BASE64))
                    .asString().isEqualTo(DebeziumSchemaNames.UNAVAILABLE_VALUE);
        }

        @Test
        void otherTextPasses() {
            assertThat(DebeziumValues.text(COLUMN, "ü €")).isEqualTo("ü €");
            assertThat(DebeziumValues.isUnavailablePlaceholder("__debezium_unavailable_value ")).isFalse();
        }
    }

    @Test
    void anErrorCanNameTheLogPosition() {
        ChangeEventException error = failure(() -> DebeziumValues.uuid(COLUMN, "x"), Problem.MALFORMED);
        ChangeEventException at = error.at(Lsn.parse("16/B374D848"));

        assertThat(error.lsn()).isEmpty();
        assertThat(at.lsn()).contains(Lsn.parse("16/B374D848"));
        assertThat(at.getMessage()).startsWith("Column c of public.customers at 16/B374D848: 'x' is not a UUID");
        assertThat(at.reason()).isEqualTo(error.reason());
        assertThat(at.problem()).isEqualTo(error.problem());
    }

    @Test
    void timeOfDayIsWrittenAsPostgresWritesATime() {
        assertThat(DebeziumValues.timeOfDay(COLUMN, 36_930_123_456L, TimestampUnit.MICROS)).isEqualTo("10:15:30.123456");
        assertThat(DebeziumValues.timeOfDay(COLUMN, 36_930_500L, TimestampUnit.MILLIS)).isEqualTo("10:15:30.5");
        assertThat(DebeziumValues.timeOfDay(COLUMN, 0, TimestampUnit.MICROS)).isEqualTo("00:00:00");
        assertThat(DebeziumValues.timeOfDay(COLUMN, 86_400_000_000L, TimestampUnit.MICROS)).isEqualTo("24:00:00");
        assertThat(DebeziumValues.timeOfDay(COLUMN, 1L, TimestampUnit.NANOS)).isEqualTo("00:00:00.000000001");
    }

    @Test
    void timeOfDayOutsideADayIsOutOfRange() {
        assertThatThrownBy(() -> DebeziumValues.timeOfDay(COLUMN, 86_400_000_001L, TimestampUnit.MICROS))
                .isInstanceOfSatisfying(ChangeEventException.class,
                        e -> assertThat(e.problem()).isEqualTo(ChangeEventException.Problem.OUT_OF_RANGE));
        assertThatThrownBy(() -> DebeziumValues.timeOfDay(COLUMN, -1, TimestampUnit.MILLIS))
                .isInstanceOf(ChangeEventException.class).hasMessageContaining("not a time of day");
    }
}
