package com.example.orders;

import dev.stele.annotation.Decimal;
import java.math.BigDecimal;

/** One line of an order: a nested record. */
public record OrderLine(String sku, int quantity, @Decimal(precision = 12, scale = 2) BigDecimal unitPrice) {
}
