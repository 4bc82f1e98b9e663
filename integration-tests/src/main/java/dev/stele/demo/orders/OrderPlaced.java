package dev.stele.demo.orders;

import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The latest version of the order event, the one the application works with. */
@Event(name = "OrderPlaced", version = 3)
public record OrderPlaced(
        @StreamId OrderId orderId,
        UUID customerId,
        String customerEmail,
        long totalMinor,
        String currency,
        Instant placedAt,
        Channel channel,
        List<OrderLine> lines,
        Optional<String> couponCode,
        @Default("STANDARD") Shipping shipping) {
}
