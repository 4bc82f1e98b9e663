package dev.stele.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON benchmark's sides (Stele, Jackson databind, DSL-JSON, avaje-jsonb) do the same work: its setup
 * checks, run by {@code mvn verify} and not only by JMH, and the same checks on events beyond the
 * benchmark's, where the libraries' defaults could part (absent {@code Optional}, instants of other
 * precisions, text that needs escaping, extreme numbers), and the one case where they do part.
 */
class JsonBenchmarkSetupTest {

    private static JsonBenchmark benchmark;

    @BeforeAll
    static void setUp() throws Exception {
        benchmark = new JsonBenchmark();
        benchmark.setUp();
    }

    @Test
    void everySideWritesSteleBytesAndReadsEveryOtherSidesBytesForTheBenchmarkEvent() {
        assertThatCode(() -> benchmark.checkEverySide(Fixtures.orderWithThreeLines())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everySideWritesSteleBytesAndReadsEveryOtherSidesBytes(String variant, OrderPlaced event) {
        assertThatCode(() -> benchmark.checkEverySide(event)).doesNotThrowAnyException();
    }

    /**
     * The one difference found: a character outside the Basic Multilingual Plane (here U+1F36E). Jackson's
     * {@code UTF8JsonGenerator} by default ({@code JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8} off)
     * escapes it as its surrogate pair, <code>&#92;uD83C&#92;uDF6E</code>; Stele, DSL-JSON and avaje write it as
     * its four UTF-8 bytes. Both forms are valid JSON for the same text, and every side reads both back.
     */
    @Test
    void aCharacterOutsideTheBmpIsEscapedByJacksonAndWrittenAsUtf8BySteleDslJsonAndAvaje() throws Exception {
        OrderPlaced base = Fixtures.orderWithThreeLines();
        OrderPlaced event = with(base, base.placedAt(), base.customerEmail(), base.totalMinor(),
                List.of(new OrderLine("P-1", "Pudding \uD83C\uDF6E", 1, 990)), base.couponCode());
        Map<String, byte[]> written = benchmark.everySideWrites(event);
        String escaped = "\"title\":\"Pudding \\uD83C\\uDF6E\"";
        String utf8 = "\"title\":\"Pudding \uD83C\uDF6E\"";
        assertThat(text(written.get("Stele"))).contains(utf8);
        assertThat(text(written.get("Stele's codec"))).contains(utf8);
        assertThat(text(written.get("Jackson"))).contains(escaped);
        assertThat(text(written.get("DSL-JSON"))).contains(utf8);
        assertThat(text(written.get("avaje"))).contains(utf8);
        for (Map.Entry<String, byte[]> side : written.entrySet()) {
            benchmark.checkEverySideReads(side.getKey(), side.getValue(), event);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Stream<Object[]> variants() {
        OrderPlaced base = Fixtures.orderWithThreeLines();
        return Stream.of(
                variant("no coupon (empty Optional)", with(base, base.placedAt(), base.customerEmail(),
                        base.totalMinor(), base.lines(), Optional.empty())),
                variant("an instant on a whole second", with(base, Instant.parse("2026-11-26T09:30:00Z"),
                        base.customerEmail(), base.totalMinor(), base.lines(), base.couponCode())),
                variant("an instant in milliseconds", with(base, Instant.parse("2026-11-26T09:30:00.120Z"),
                        base.customerEmail(), base.totalMinor(), base.lines(), base.couponCode())),
                variant("an instant in nanoseconds", with(base, Instant.parse("2026-11-26T09:30:00.123456789Z"),
                        base.customerEmail(), base.totalMinor(), base.lines(), base.couponCode())),
                variant("an instant before 1970", with(base, Instant.parse("1969-07-20T20:17:40.5Z"),
                        base.customerEmail(), base.totalMinor(), base.lines(), base.couponCode())),
                variant("no lines", with(base, base.placedAt(), base.customerEmail(), base.totalMinor(),
                        List.of(), base.couponCode())),
                variant("extreme numbers", with(base, base.placedAt(), base.customerEmail(), Long.MIN_VALUE,
                        List.of(new OrderLine("X", "x", Integer.MAX_VALUE, Long.MAX_VALUE)), base.couponCode())),
                variant("non-ASCII text", with(base, base.placedAt(), "zoë.østergård@example.com", base.totalMinor(),
                        List.of(new OrderLine("Ü-1", "Crème brûlée — 2 × 50 g, 東京", 1, 990)),
                        base.couponCode())),
                variant("text to escape", with(base, base.placedAt(), "a\"b\\c/d@example.com", base.totalMinor(),
                        List.of(new OrderLine("T\t1", "line\nbreak, return\r, bell\u0007, nul\u0000, del\u007f", 1, 1)),
                        Optional.of("\u2028\u2029"))));
    }

    private static Object[] variant(String name, OrderPlaced event) {
        return new Object[] {name, event};
    }

    private static OrderPlaced with(OrderPlaced base, Instant placedAt, String email, long total, List<OrderLine> lines,
            Optional<String> coupon) {
        return new OrderPlaced(new OrderId(base.orderId().value()), UUID.fromString(base.customerId().toString()),
                email, total, base.currency(), placedAt, Channel.WEB, lines, coupon, Shipping.STANDARD);
    }
}
