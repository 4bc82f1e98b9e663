package dev.stele.it.events;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One component of every supported type, for round trips in both formats. */
@Event(name = "Everything")
public record Everything(
        @StreamId AccountId account,
        boolean flag,
        int count,
        long amountMinor,
        float ratio,
        double measure,
        Boolean boxedFlag,
        Integer boxedCount,
        Long boxedAmount,
        Float boxedRatio,
        Double boxedMeasure,
        String text,
        Instant at,
        LocalDate day,
        LocalDateTime localAt,
        UUID id,
        @Decimal(precision = 12, scale = 2) BigDecimal price,
        byte[] blob,
        Color color,
        Optional<String> maybeText,
        Optional<Money> maybeMoney,
        @Nullable String nullableText,
        @Nullable Address nullableAddress,
        List<String> tags,
        Set<Integer> numbers,
        Map<String, Long> counters,
        List<List<String>> nested,
        Map<String, List<Address>> addressBook,
        List<@Decimal(precision = 6, scale = 3) BigDecimal> weights,
        List<Color> palette,
        List<AccountId> related,
        Address address,
        Money total) {

    /** A typed id: written as its string. */
    public record AccountId(String value) {
    }

    /** A single-component record over a primitive: written as its long. */
    public record Money(long minor) {
    }

    public record Address(String street, String city, Optional<String> zip, List<String> lines) {
    }

    public enum Color {
        RED, GREEN, BLUE
    }
}
