package dev.stele.codec.json;

import static dev.stele.codec.json.Samples.encode;
import static dev.stele.codec.json.Samples.everything;
import static dev.stele.codec.json.Samples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.stele.codec.json.Everything.Line;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonRecordWriterTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    @Test
    void writesTheBytesJacksonWritesForTheSameEvent() {
        assertThat(text(encode(everything()))).isEqualTo(text(Samples.jackson(JACKSON, everything())));
    }

    @Test
    void writesCompactJsonWithFieldsInDeclarationOrder() {
        assertThat(text(encode(everything()))).isEqualTo("{\"flag\":true,\"count\":42,\"total\":9007199254740993,"
                + "\"ratio\":1.5,\"score\":-0.125,\"text\":\"Order for Zoë\",\"at\":\"2026-11-26T09:30:00.123456Z\","
                + "\"day\":\"2026-11-26\",\"local\":\"2026-11-26T09:30:00.000000005\","
                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"data\":\"AAEC/38=\",\"amount\":1234.50,"
                + "\"channel\":\"STORE\",\"note\":\"leave at door\",\"nickname\":null,\"lines\":[{\"sku\":\"A-1\","
                + "\"quantity\":2,\"unitPrice\":9.99},{\"sku\":\"B-2\",\"quantity\":1,\"unitPrice\":0.50},"
                + "{\"sku\":\"C-3\",\"quantity\":12,\"unitPrice\":100.00}],\"tags\":[\"new\",\"gift\"],"
                + "\"attributes\":{\"colour\":3,\"size\":-12}}");
    }

    @Test
    void escapesEveryAsciiCharacterAsJacksonDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            all.append(c);
        }
        assertWrittenAsJacksonWrites(all.toString());
        assertThat(written("\u0000\u001f\b\t\n\f\r\"\\/\u007f"))
                .isEqualTo("\"\\u0000\\u001F\\b\\t\\n\\f\\r\\\"\\\\/\u007f\"");
    }

    @Test
    void writesOtherCharactersOfTheBasicPlaneRawAsJacksonDoes() {
        assertWrittenAsJacksonWrites("Zoë € \u2028 \u2029 \u00ff \u07ff \u0800 \uffff 日本語 \u00e9\n\u0001");
        assertThat(written("\u2028\u2029")).isEqualTo("\"\u2028\u2029\"");
    }

    @Test
    void writesCharactersOutsideTheBasicPlaneAsFourUtf8BytesWhereJacksonEscapesTheirSurrogates() throws IOException {
        String emoji = "a\uD83D\uDE00b";
        byte[] ours = writtenBytes(emoji);
        assertThat(ours).containsExactly('"', 'a', 0xF0, 0x9F, 0x98, 0x80, 'b', '"');
        assertThat(text(jacksonString(JACKSON, emoji))).isEqualTo("\"a\\uD83D\\uDE00b\"");
        JsonFactory combining = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        assertThat(ours).isEqualTo(jacksonString(combining, emoji));
    }

    @Property(tries = 300)
    void writesAnyWellFormedStringAsJacksonDoesWhenItCombinesSurrogates(@ForAll String value) throws IOException {
        if (!wellFormed(value)) {
            return;
        }
        JsonFactory combining = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        assertThat(writtenBytes(value)).isEqualTo(jacksonString(combining, value));
    }

    @Test
    void refusesAnUnpairedSurrogateWithTheMessageOfStringsWellFormed() {
        for (String bad : List.of("ab\uD800", "ab\uDC00cd", "\uD800\uD800\uDC00", "x\uDE00\uD83D")) {
            String expected = catchFailure(() -> Strings.wellFormed(bad)).reason();
            assertThat(catchFailure(() -> new JsonRecordWriter().writeString(bad)).reason()).isEqualTo(expected);
        }
        assertThat(catchFailure(() -> new JsonRecordWriter().writeString("ab\uD800")).reason())
                .isEqualTo("holds an unpaired surrogate (U+D800) at index 2, which UTF-8 cannot encode");
    }

    @Test
    void writesWholeNumbersAsTheirDigits() throws IOException {
        for (long value : new long[] {0, 1, -1, 9, 10, 99, 100, -100, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000L, -999_999_999_999_999_999L}) {
            JsonRecordWriter out = new JsonRecordWriter();
            out.writeLong(value);
            assertThat(text(out.toByteArray())).isEqualTo(Long.toString(value));
            if (value == (int) value) {
                out.reset();
                out.writeInt((int) value);
                assertThat(text(out.toByteArray())).isEqualTo(Long.toString(value));
            }
        }
    }

    @Property(tries = 300)
    void writesAnyLongAsLongToStringDoes(@ForAll long value) {
        JsonRecordWriter out = new JsonRecordWriter();
        out.writeLong(value);
        assertThat(text(out.toByteArray())).isEqualTo(Long.toString(value));
    }

    @Test
    void writesFloatsAndDoublesAsJacksonDoesAndNonFiniteOnesAsStrings() throws IOException {
        for (double value : new double[] {0.0, -0.0, 1.0, 0.1, 1e10, 1.0E-7, Float.MAX_VALUE, Double.MIN_VALUE, 123.456}) {
            JsonRecordWriter out = new JsonRecordWriter();
            out.writeDouble(value);
            out.writeFloat((float) value);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator jackson = JACKSON.createGenerator(bytes)) {
                jackson.writeRaw(""); // no separators: the two numbers side by side, as ours
                jackson.writeNumber(value);
            }
            assertThat(text(out.toByteArray())).isEqualTo(bytes + Float.toString((float) value));
        }
        JsonRecordWriter out = new JsonRecordWriter();
        out.writeDouble(Double.NaN);
        out.writeDouble(Double.POSITIVE_INFINITY);
        out.writeFloat(Float.NEGATIVE_INFINITY);
        assertThat(text(out.toByteArray())).isEqualTo("\"NaN\"\"Infinity\"\"-Infinity\"");
    }

    @Property(tries = 300)
    void writesAnyInstantAsTemporalsFormatsIt(@ForAll long epochNanos) {
        Instant instant = Temporals.fromEpochNanos(epochNanos);
        JsonRecordWriter out = new JsonRecordWriter(16);
        out.writeInstant(instant);
        assertThat(text(out.toByteArray())).isEqualTo('"' + Temporals.formatInstant(instant) + '"');
    }

    @Test
    void refusesAnInstantBeyondNanosecondTimestamps() {
        Instant tooLate = Instant.parse("2262-04-11T23:47:16.854775808Z");
        assertThat(catchFailure(() -> new JsonRecordWriter().writeInstant(tooLate)).reason())
                .isEqualTo(catchFailure(() -> Temporals.checkInstant(tooLate)).reason());
        LocalDateTime tooEarly = LocalDateTime.of(1000, 1, 1, 0, 0);
        assertThat(catchFailure(() -> new JsonRecordWriter().writeLocalDateTime(tooEarly)).reason())
                .contains("outside the range");
    }

    @Property(tries = 300)
    void writesAnyUuidInItsCanonicalLowerCaseForm(@ForAll long most, @ForAll long least) {
        UUID id = new UUID(most, least);
        JsonRecordWriter out = new JsonRecordWriter();
        out.writeUuid(id);
        assertThat(text(out.toByteArray())).isEqualTo('"' + id.toString() + '"');
    }

    @Property(tries = 300)
    void writesAnyBytesAsJacksonWritesBinary(@ForAll byte[] value) throws IOException {
        JsonRecordWriter out = new JsonRecordWriter();
        out.writeBytes(value);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator jackson = JACKSON.createGenerator(bytes)) {
            jackson.writeBinary(value);
        }
        assertThat(out.toByteArray()).isEqualTo(bytes.toByteArray());
    }

    @Test
    void writesDecimalsAtTheirScaleAndRefusesOnesThatDoNotFit() {
        JsonRecordWriter out = new JsonRecordWriter();
        out.writeDecimal(new BigDecimal("1E+3"), 12, 2);
        assertThat(text(out.toByteArray())).isEqualTo("1000.00");
        assertThat(catchFailure(() -> new JsonRecordWriter().writeDecimal(new BigDecimal("1.234"), 12, 2)).reason())
                .contains("has more than 2 digits after the decimal point");
    }

    @Test
    void writesAbsentOptionalAndNullableValuesAsNull() {
        Everything e = everything();
        Everything absent = new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(),
                e.day(), e.local(), e.id(), e.data(), e.amount(), e.channel(), Optional.empty(), null, List.of(),
                Samples.tags(), Map.of());
        assertThat(text(encode(absent))).contains("\"note\":null,\"nickname\":null,\"lines\":[],\"tags\":[],\"attributes\":{}}");
    }

    @Test
    void aNullRequiredValueFailsAtItsPath() {
        Everything e = everything();
        assertFailsAt(Samples.withText(null), "text");
        List<Line> lines = new ArrayList<>(e.lines());
        lines.set(2, new Line(null, 1, BigDecimal.ONE));
        assertFailsAt(Samples.withLines(lines), "lines[2].sku");
        lines.set(2, null);
        assertFailsAt(Samples.withLines(lines), "lines[2]");
        assertFailsAt(Samples.withLines(null), "lines");
        assertFailsAt(new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), e.data(), e.amount(), e.channel(), null, null, e.lines(), e.tags(), e.attributes()),
                "note");
        assertFailsAt(new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), e.data(), e.amount(), e.channel(), e.note(), null, e.lines(),
                new java.util.LinkedHashSet<>(Arrays.asList("a", null)), e.attributes()), "tags[1]");
        Map<String, Integer> attributes = new HashMap<>();
        attributes.put("k", null);
        assertFailsAt(new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), e.data(), e.amount(), e.channel(), e.note(), null, e.lines(), e.tags(), attributes),
                "attributes.k");
    }

    @Test
    void aMapKeyWithAnUnpairedSurrogateFailsAtItsKey() {
        Everything e = everything();
        Everything bad = new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), e.data(), e.amount(), e.channel(), e.note(), null, e.lines(), e.tags(),
                Map.of("k\uD800", 1));
        JsonRecordWriter out = new JsonRecordWriter();
        assertThat(catchFailure(() -> Everything.write(out, bad)).reason()).contains("unpaired surrogate (U+D800) at index 1");
        assertThat(out.path()).isEqualTo("attributes[\"k\uD800\"]");
    }

    @Test
    void aResetWriterWritesTheNextEventAfreshIntoTheSameBuffer() throws IOException {
        JsonRecordWriter out = new JsonRecordWriter(16);
        assertThatThrownBy(() -> Everything.write(out, Samples.withText(null))).isInstanceOf(CodecFailure.class);
        out.reset();
        assertThat(out.path()).isEmpty();
        Everything.write(out, everything());
        assertThat(out.toByteArray()).isEqualTo(encode(everything()));
        out.reset();
        Everything.write(out, everything());
        assertThat(out.size()).isEqualTo(encode(everything()).length);
        assertThat(out.toByteArray()).isEqualTo(encode(everything()));
    }

    @Test
    void growsForALongString() {
        String big = "é\"".repeat(100_000);
        JsonRecordWriter out = new JsonRecordWriter(16);
        out.writeString(big);
        assertThat(Samples.text(out.toByteArray())).isEqualTo("\"" + big.replace("\"", "\\\"") + "\"");
    }

    private static void assertFailsAt(Everything value, String path) {
        JsonRecordWriter out = new JsonRecordWriter();
        CodecFailure failure = catchFailure(() -> Everything.write(out, value));
        assertThat(failure.reason()).startsWith("is null, which the field does not take");
        assertThat(out.path()).isEqualTo(path);
    }

    private static void assertWrittenAsJacksonWrites(String value) {
        try {
            assertThat(text(writtenBytes(value))).isEqualTo(text(jacksonString(JACKSON, value)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String written(String value) {
        return text(writtenBytes(value));
    }

    private static byte[] writtenBytes(String value) {
        JsonRecordWriter out = new JsonRecordWriter(16);
        out.writeString(value);
        return out.toByteArray();
    }

    private static byte[] jacksonString(JsonFactory factory, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator jackson = factory.createGenerator(bytes)) {
            jackson.writeString(value);
        }
        return bytes.toByteArray();
    }

    private static boolean wellFormed(String value) {
        try {
            Strings.wellFormed(value);
            return true;
        } catch (CodecFailure e) {
            return false;
        }
    }

    interface Action {
        void run() throws IOException;
    }

    static CodecFailure catchFailure(Action action) {
        try {
            action.run();
        } catch (CodecFailure failure) {
            return failure;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no CodecFailure");
    }
}
