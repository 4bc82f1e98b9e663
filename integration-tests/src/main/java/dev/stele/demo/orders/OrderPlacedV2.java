package dev.stele.demo.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Version 2: money in minor units and order lines, but no customer id yet. */
@Event(name = "OrderPlaced", version = 2)
public record OrderPlacedV2(
        @StreamId OrderId orderId,
        String customerEmail,
        long totalMinor,
        String currency,
        Instant placedAt,
        Channel channel,
        List<OrderLine> lines,
        Optional<String> couponCode) {

    /** Customers had no ids before version 3; derive a stable one from the e-mail address. */
    @Upcast
    static OrderPlaced toV3(OrderPlacedV2 old) {
        UUID customer = UUID.nameUUIDFromBytes(old.customerEmail().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new OrderPlaced(old.orderId(), customer, old.customerEmail(), old.totalMinor(), old.currency(),
                old.placedAt(), old.channel(), old.lines(), old.couponCode(), Shipping.STANDARD);
    }
}
