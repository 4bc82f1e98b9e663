package dev.stele.codec.json;

import static dev.stele.codec.json.JsonRecordWriterTest.catchFailure;
import static dev.stele.codec.json.Samples.decode;
import static dev.stele.codec.json.Samples.encode;
import static dev.stele.codec.json.Samples.everything;
import static dev.stele.codec.json.Samples.text;
import static dev.stele.codec.json.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.stele.codec.json.Everything.Channel;
import dev.stele.codec.json.Everything.Line;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Input meant to hurt: any bytes give an event or a {@link CodecFailure}, quickly and without deep stacks. */
class JsonHostileInputTest {

    private static final byte[] VALID = encode(everything());

    @Test
    void refusesNestingDeeperThanTheBoundWithoutRecursion() {
        String deep = "[".repeat(100_000);
        assertThat(catchFailure(() -> decode(deep)).reason()).isEqualTo("expected an object, found an array");
        String unknown = "{\"unknown\":" + deep;
        assertThat(catchFailure(() -> decode(unknown)).reason()).isEqualTo("values are nested deeper than 1000 levels");
        String objects = "{\"unknown\":" + "{\"a\":".repeat(100_000);
        assertThat(catchFailure(() -> decode(objects)).reason()).isEqualTo("values are nested deeper than 1000 levels");
    }

    @Test
    void skipsUnknownValuesNestedUpToTheBound() {
        String json = text(VALID);
        String nested = "[".repeat(999) + "]".repeat(999); // with the event object, 1000 levels
        assertThat(decode("{\"unknown\":" + nested + "," + json.substring(1)).text()).isEqualTo("Order for Zoë");
        String tooDeep = "[".repeat(1000) + "]".repeat(1000);
        assertThat(catchFailure(() -> decode("{\"unknown\":" + tooDeep + "," + json.substring(1))).reason())
                .isEqualTo("values are nested deeper than 1000 levels");
    }

    @Test
    void refusesNumbersLongerThanAThousandCharactersBeforeParsingThem() {
        String digits = "1".repeat(10_000);
        for (String field : List.of("count", "total", "score", "ratio", "amount", "unknown")) {
            String json = "{\"" + field + "\":" + digits + "}";
            assertThat(catchFailure(() -> decode(json)).reason()).as(field)
                    .isEqualTo("a number of 10000 characters is longer than the 1000 allowed (line 1, column "
                            + (field.length() + 5) + ")");
        }
        String fraction = "{\"amount\":0." + "0".repeat(997) + "1}";
        assertThat(catchFailure(() -> decode(fraction)).reason()).contains("has more than 2 digits after the decimal point");
    }

    @Test
    void aPayloadCutAtAnyByteIsAFailure() {
        for (int length = 0; length < VALID.length; length++) {
            byte[] cut = new byte[length];
            System.arraycopy(VALID, 0, cut, 0, length);
            CodecFailure failure = catchFailure(() -> decode(cut));
            assertThat(failure.reason()).as("cut at %d", length).isNotBlank();
        }
    }

    @Test
    void aPayloadCutAtAnyByteWithinALargerArrayIsAFailure() {
        byte[] padded = new byte[VALID.length + 8];
        System.arraycopy(VALID, 0, padded, 4, VALID.length);
        padded[VALID.length + 4] = '}'; // beyond the payload: must never be read
        for (int length = 0; length < VALID.length; length++) {
            int cut = length;
            CodecFailure failure = catchFailure(() -> {
                JsonRecordReader in = new JsonRecordReader(padded, 4, cut);
                Everything.read(in);
                in.expectEnd();
            });
            assertThat(failure.reason()).as("cut at %d", length).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void randomBytesGiveAnEventOrACodecFailure(@ForAll byte[] bytes) {
        assertDecodesOrFails(bytes);
    }

    @Property(tries = 3000)
    void mutatedPayloadsGiveAnEventOrACodecFailure(@ForAll("mutations") byte[] bytes) {
        assertDecodesOrFails(bytes);
    }

    @Property(tries = 3000)
    void whatItAcceptsJacksonParsesToo(@ForAll("mutations") byte[] bytes) throws IOException {
        try {
            decode(bytes);
        } catch (CodecFailure refused) {
            return;
        }
        try (JsonParser jackson = new JsonFactory().createParser(bytes)) {
            while (jackson.nextToken() != null) {
                jackson.getText();
            }
        }
    }

    @Property(tries = 500)
    void anyEventRoundTrips(@ForAll("events") Everything value) {
        Samples.assertSameEvent(decode(encode(value)), value);
    }

    @Property(tries = 500)
    void anyStringRoundTripsOrIsRefusedAsStringsWellFormedRefusesIt(@ForAll String text) {
        CodecFailure refused = null;
        try {
            Strings.wellFormed(text);
        } catch (CodecFailure e) {
            refused = e;
        }
        if (refused == null) {
            assertThat(decode(encode(Samples.withText(text))).text()).isEqualTo(text);
        } else {
            String reason = refused.reason();
            assertThat(catchFailure(() -> encode(Samples.withText(text))).reason()).isEqualTo(reason);
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        return Arbitraries.integers().between(0, VALID.length - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] mutated = VALID.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        mutated[positions.get(i)] = values.get(i);
                    }
                    return mutated;
                }));
    }

    @Provide
    Arbitrary<Everything> events() {
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(20)
                .filter(s -> !s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
        Arbitrary<BigDecimal> decimals = Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L)
                .map(unscaled -> BigDecimal.valueOf(unscaled, 2));
        Arbitrary<Line> lines = Combinators.combine(strings, Arbitraries.integers(), decimals).as(Line::new);
        Arbitrary<Map<String, Integer>> attributes = Arbitraries.maps(strings, Arbitraries.integers()).ofMaxSize(3)
                .map(LinkedHashMap::new);
        Arbitrary<Everything> first = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers(),
                Arbitraries.longs(), Arbitraries.floats().injectNull(0), Arbitraries.doubles(), strings,
                Arbitraries.longs().map(Temporals::fromEpochNanos), Arbitraries.integers().between(-1_000_000, 1_000_000)
                        .map(days -> LocalDate.ofEpochDay(days))).as((flag, count, total, ratio, score, text, at, day) ->
                new Everything(flag, count, total, ratio == null ? Float.NaN : ratio, score, text, at, day,
                        LocalDateTime.of(2026, 1, 1, 0, 0), UUID.randomUUID(), new byte[0], BigDecimal.ONE, Channel.WEB,
                        Optional.empty(), null, List.of(), new LinkedHashSet<>(), Map.of()));
        return Combinators.combine(first, Arbitraries.longs().map(Temporals::fromLocalNanos),
                Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2())), Arbitraries.bytes().array(byte[].class)
                        .ofMaxSize(10), decimals, Arbitraries.of(Channel.class), strings.optional(), strings.injectNull(0.5))
                .as((e, local, id, data, amount, channel, note, nickname) -> new Everything(e.flag(), e.count(), e.total(),
                        e.ratio(), e.score(), e.text(), e.at(), e.day(), local, id, data, amount, channel, note, nickname,
                        List.of(), new LinkedHashSet<>(), Map.of()))
                .flatMap(e -> Combinators.combine(lines.list().ofMaxSize(4), strings.set().ofMaxSize(4), attributes)
                        .as((l, tags, map) -> new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(),
                                e.text(), e.at(), e.day(), e.local(), e.id(), e.data(), e.amount(), e.channel(), e.note(),
                                e.nickname(), l, new LinkedHashSet<>(tags), map)));
    }

    private static void assertDecodesOrFails(byte[] bytes) {
        try {
            assertThat(decode(bytes)).isNotNull();
        } catch (CodecFailure expected) {
            assertThat(expected.reason()).isNotBlank();
        }
    }
}
