package dev.stele.it.codec;

import static dev.stele.it.codec.Samples.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.SerializedEvent;
import dev.stele.catalog.UnknownSchemaException;
import dev.stele.it.events.Everything;
import dev.stele.it.events.Everything.AccountId;
import dev.stele.it.events.Everything.Address;
import dev.stele.it.events.Everything.Color;
import dev.stele.it.events.Everything.Money;
import dev.stele.spi.codec.Temporals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the generated codecs over every supported type: any value round-trips in both
 * formats, and any byte string either decodes to an event or raises the typed decoding error —
 * never another exception.
 */
class CodecPropertiesTest {

    @Property(tries = 400)
    void anyEventRoundTripsThroughJson(@ForAll("events") Everything event) {
        SerializedEvent json = CATALOG.toJson(event);

        Samples.assertSameEvent(CATALOG.fromJson(json.name(), json.version(), json.payload()), event);
    }

    @Property(tries = 400)
    void anyEventRoundTripsThroughAvro(@ForAll("events") Everything event) {
        Samples.assertSameEvent(CATALOG.fromAvro(CATALOG.toAvro(event)), event);
    }

    @Property(tries = 400)
    void bothFormatsDecodeToTheSameEvent(@ForAll("events") Everything event) {
        SerializedEvent json = CATALOG.toJson(event);

        Samples.assertSameEvent(CATALOG.fromJson(json.name(), json.version(), json.payload()),
                CATALOG.fromAvro(CATALOG.toAvro(event)));
    }

    @Property(tries = 2000)
    void randomBytesUnderAKnownFingerprintDecodeOrRaiseTheDecodingError(@ForAll @Size(max = 300) byte[] body) {
        byte[] header = Arrays.copyOf(CATALOG.toAvro(Samples.everything()), 10);
        byte[] avro = Arrays.copyOf(header, 10 + body.length);
        System.arraycopy(body, 0, avro, 10, body.length);

        assertDecodesOrFails(() -> CATALOG.fromAvro(avro));
    }

    @Property(tries = 1000)
    void randomBytesAreNeverMistakenForAnEvent(@ForAll @Size(max = 64) byte[] avro) {
        try {
            CATALOG.fromAvro(avro);
        } catch (EventDecodingException | UnknownSchemaException expected) {
            return;
        }
        throw new AssertionError("random bytes decoded: " + Arrays.toString(avro));
    }

    @Property(tries = 1000)
    void damagedAvroDecodesOrRaisesTheDecodingError(@ForAll("events") Everything event,
            @ForAll @IntRange(min = 10, max = 10_000) int at, @ForAll byte value, @ForAll boolean truncate) {
        byte[] avro = CATALOG.toAvro(event);
        int position = 10 + at % (avro.length - 10);
        byte[] damaged = truncate ? Arrays.copyOf(avro, position) : avro.clone();
        if (!truncate) {
            damaged[position] = value;
        }

        assertDecodesOrFails(() -> CATALOG.fromAvro(damaged));
    }

    @Property(tries = 1000)
    void damagedJsonDecodesOrRaisesTheDecodingError(@ForAll("events") Everything event,
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll("jsonCharacters") char replacement,
            @ForAll boolean delete) {
        String json = Samples.text(CATALOG.toJson(event).payload());
        int position = at % json.length();
        String damaged = delete ? json.substring(0, position) + json.substring(Math.min(json.length(), position + 3))
                : json.substring(0, position) + replacement + json.substring(position + 1);

        assertDecodesOrFails(() -> CATALOG.fromJson("Everything", 1, damaged.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void randomJsonDecodesOrRaisesTheDecodingError(@ForAll("json") String json) {
        assertDecodesOrFails(() -> CATALOG.fromJson("Everything", 1, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1000)
    void randomTextDecodesOrRaisesTheDecodingError(@ForAll @Size(max = 200) byte[] payload) {
        assertDecodesOrFails(() -> CATALOG.fromJson("Everything", 1, payload));
    }

    private static void assertDecodesOrFails(java.util.function.Supplier<Object> decode) {
        Object decoded;
        try {
            decoded = decode.get();
        } catch (EventDecodingException expected) {
            assertThat(expected.eventName()).isEqualTo("Everything");
            return;
        }
        assertThat(decoded).isInstanceOf(Everything.class);
    }

    @Provide
    Arbitrary<Everything> events() {
        Arbitrary<String> text = text();
        Arbitrary<Address> address = Combinators.combine(text, text, text.optional(), text.list().ofMaxSize(3))
                .as(Address::new);
        Arbitrary<Color> color = Arbitraries.of(Color.class);
        Arbitrary<AccountId> account = text.map(AccountId::new);
        List<Arbitrary<?>> parts = List.of(
                account,
                Arbitraries.of(true, false),
                Arbitraries.integers(),
                Arbitraries.longs(),
                floats(),
                doubles(),
                Arbitraries.of(true, false),
                Arbitraries.integers(),
                Arbitraries.longs(),
                floats(),
                doubles(),
                text,
                Arbitraries.longs().map(Temporals::fromEpochNanos),
                Arbitraries.integers().map(Temporals::fromEpochDays),
                Arbitraries.longs().map(Temporals::fromLocalNanos),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new),
                Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L).map(u -> BigDecimal.valueOf(u, 2)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16),
                color,
                text.optional(),
                Arbitraries.longs().map(Money::new).optional(),
                text.injectNull(0.3),
                address.injectNull(0.3),
                text.list().ofMaxSize(4),
                Arbitraries.integers().set().ofMaxSize(4),
                Arbitraries.maps(text, Arbitraries.longs()).ofMaxSize(3),
                text.list().ofMaxSize(3).list().ofMaxSize(3),
                Arbitraries.maps(text, address.list().ofMaxSize(2)).ofMaxSize(2),
                Arbitraries.longs().between(-999_999, 999_999).map(u -> BigDecimal.valueOf(u, 3)).list().ofMaxSize(3),
                color.list().ofMaxSize(3),
                account.list().ofMaxSize(3),
                address,
                Arbitraries.longs().map(Money::new));
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Arbitrary<Object>> untyped = (List) parts;
        return Combinators.combine(untyped).as(CodecPropertiesTest::everything);
    }

    private static Everything everything(List<Object> v) {
        return new Everything((AccountId) v.get(0), (Boolean) v.get(1), (Integer) v.get(2), (Long) v.get(3),
                (Float) v.get(4), (Double) v.get(5), (Boolean) v.get(6), (Integer) v.get(7), (Long) v.get(8),
                (Float) v.get(9), (Double) v.get(10), (String) v.get(11), (java.time.Instant) v.get(12),
                (java.time.LocalDate) v.get(13), (java.time.LocalDateTime) v.get(14), (UUID) v.get(15),
                (BigDecimal) v.get(16), (byte[]) v.get(17), (Color) v.get(18), cast(v.get(19)), cast(v.get(20)),
                (String) v.get(21), (Address) v.get(22), cast(v.get(23)), cast(v.get(24)), cast(v.get(25)),
                cast(v.get(26)), cast(v.get(27)), cast(v.get(28)), cast(v.get(29)), cast(v.get(30)),
                (Address) v.get(31), (Money) v.get(32));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** Well-formed Unicode: any code point but the surrogates, ASCII more often. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)
                        .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)));
        return codePoints.list().ofMaxSize(12).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    private static Arbitrary<Float> floats() {
        return Arbitraries.floats().withStandardSpecialValues().withSpecialValue(-0.0f)
                .withSpecialValue(Float.MIN_VALUE).withSpecialValue(Float.MAX_VALUE);
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(-0.0)
                .withSpecialValue(Double.MIN_VALUE).withSpecialValue(Double.MAX_VALUE);
    }

    @Provide
    Arbitrary<Character> jsonCharacters() {
        return Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '0', '9', '-', '.', 'e', 'n', 't', '\\', ' ', 'x');
    }

    /** Structurally valid JSON, with Everything's field names among the keys so decoding goes deep. */
    @Provide
    Arbitrary<String> json() {
        return jsonValue(4).map(value -> value.startsWith("{") ? value : "{\"account\":" + value + "}");
    }

    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1.5e300", "3000000000", "1e400", "\"\"",
                        "\"RED\"", "\"2026-11-26T14:29:35.123456Z\"", "\"1969-07-20\"", "\"AP9/gA==\"",
                        "\"00000000-0000-0001-8000-00000000000f\"", "\"NaN\"", "12.345"),
                text().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> key = Arbitraries.of("account", "flag", "count", "amountMinor", "ratio", "measure",
                "text", "at", "day", "localAt", "id", "price", "blob", "color", "maybeText", "maybeMoney",
                "nullableAddress", "tags", "numbers", "counters", "nested", "addressBook", "weights", "address",
                "street", "city", "zip", "lines", "total", "other");
        Arbitrary<String> object = Combinators.combine(key, Arbitraries.lazy(() -> jsonValue(depth - 1)))
                .as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(6)
                .map(members -> "{" + String.join(",", members) + "}");
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.oneOf(scalar, object, array);
    }
}
