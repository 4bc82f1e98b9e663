package dev.stele.it.codec;

import dev.stele.catalog.Catalog;
import dev.stele.it.events.Everything;
import dev.stele.it.events.Everything.AccountId;
import dev.stele.it.events.Everything.Address;
import dev.stele.it.events.Everything.Color;
import dev.stele.it.events.Everything.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Events and the catalog the tests share: the one {@code Catalog.load()} finds, as an application would. */
final class Samples {

    static final Catalog CATALOG = Catalog.load();

    private Samples() {
    }

    static Everything everything() {
        return new Everything(new AccountId("acc-1"), true, -7, 1_234_567_890_123L, 0.25f, -1e300, false, 42,
                Long.MIN_VALUE, Float.MAX_VALUE, Double.MIN_VALUE, "Grüße, 世界 🎉",
                Instant.parse("2026-11-26T14:29:35.123456Z"), LocalDate.of(1969, 7, 20),
                LocalDateTime.of(2000, 1, 1, 0, 0, 0, 999_999_000), UUID.fromString("00000000-0000-0001-8000-00000000000f"),
                new BigDecimal("-1234567890.12"), new byte[] {0, -1, 127, -128}, Color.GREEN, Optional.of("maybe"),
                Optional.of(new Money(500)), null,
                new Address("1 Main St", "Springfield", Optional.empty(), List.of("c/o Homer")),
                List.of("a", "", "c"), Set.of(3, 1, 2), Map.of("x", 1L, "y", -1L),
                List.of(List.of(), List.of("deep")),
                Map.of("home", List.of(new Address("2 Elm", "Shelbyville", Optional.of("12345"), List.of()))),
                List.of(new BigDecimal("1.500"), new BigDecimal("-0.001")), List.of(Color.BLUE, Color.RED),
                List.of(new AccountId("acc-2")), new Address("3 Oak", "Ogdenville", Optional.of("999"), List.of()),
                new Money(-1));
    }

    /**
     * Field-by-field equality that is exact where AssertJ is not by default: doubles and floats compare
     * with {@code equals} (so NaN equals NaN, -0.0 differs from 0.0, and no tolerance), arrays by content,
     * and sets without order.
     */
    static void assertSameEvent(Object actual, Object expected) {
        org.assertj.core.api.Assertions.assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(Double::equals, Double.class)
                .withEqualsForType(Float::equals, Float.class)
                .ignoringCollectionOrderInFields("numbers")
                .isEqualTo(expected);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
