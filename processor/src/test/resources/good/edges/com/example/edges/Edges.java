package com.example.edges;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Defaults at the edges of what Stele stores: time in nanoseconds since the epoch (a long), dates in days
 * since the epoch (an int), a decimal at its precision.
 */
@Event(name = "Edges")
public record Edges(
        @StreamId String id,
        @Default("1969-12-31T23:59:59.999999999Z") Instant justBeforeTheEpoch,
        @Default("1677-09-21T00:12:43.145224192Z") Instant earliestInstant,
        @Default("2262-04-11T23:47:16.854775807Z") Instant latestInstant,
        @Default("1677-09-21T00:12:43.145224192") LocalDateTime earliestLocal,
        @Default("2262-04-11T23:47:16.854775807") LocalDateTime latestLocal,
        @Default("1700-01-01T00:00:00.000000001") LocalDateTime farPast,
        @Default("2200-12-31T23:59:59.999999999") LocalDateTime farFuture,
        @Default("-5877641-06-23") LocalDate earliestDate,
        @Default("+5881580-07-11") LocalDate latestDate,
        @Default("9999999999999999999999999999.9999999999")
        @Decimal(precision = 38, scale = 10) BigDecimal largest,
        @Default("-9999999999999999999999999999.9999999999")
        @Decimal(precision = 38, scale = 10) BigDecimal smallest,
        @Default("0.0000000001") @Decimal(precision = 38, scale = 10) BigDecimal finest) {
}
