package com.example.orders;

import dev.stele.annotation.Alias;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The latest version of the order event. */
@Event(name = "OrderPlaced", version = 2)
public record OrderPlaced(
        @StreamId OrderId orderId,
        UUID customerId,
        @Alias("email") String customerEmail,
        Instant placedAt,
        @Default("WEB") Channel channel,
        Optional<String> couponCode,
        List<OrderLine> lines,
        Map<String, String> attributes,
        @Decimal(precision = 12, scale = 2) BigDecimal total) {
}
