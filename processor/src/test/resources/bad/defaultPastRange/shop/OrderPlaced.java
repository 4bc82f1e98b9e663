package shop;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Each default one step past what Stele stores; the good/edges event has the last ones inside. */
@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @Default("1677-09-21T00:12:43.145224191Z") Instant beforeEarliestInstant,
        @Default("2262-04-11T23:47:16.854775808Z") Instant afterLatestInstant,
        @Default("1677-09-21T00:12:43.145224191") LocalDateTime beforeEarliestLocal,
        @Default("2262-04-11T23:47:16.854775808") LocalDateTime afterLatestLocal,
        @Default("-5877641-06-22") LocalDate beforeEarliestDate,
        @Default("+5881580-07-12") LocalDate afterLatestDate,
        @Default("1969-12-31T23:59:59.9999999999Z") Instant finerThanANanosecond,
        @Default("99999999999999999999999999999.9999999999")
        @Decimal(precision = 38, scale = 10) BigDecimal tooLarge,
        @Default("0.00000000001") @Decimal(precision = 38, scale = 10) BigDecimal tooFine) {
}
