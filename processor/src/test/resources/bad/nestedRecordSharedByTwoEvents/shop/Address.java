package shop;

import java.math.BigDecimal;

/** Used by two events: its one mistake is reported once. */
public record Address(
        String street,
        BigDecimal latitude) {
}
