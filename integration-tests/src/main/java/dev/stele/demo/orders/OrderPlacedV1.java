package dev.stele.demo.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The first release: a total in whole euros, nothing else. */
@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(@StreamId String orderId, String customerEmail, long totalEuros, Instant placedAt) {

    @Upcast
    static OrderPlacedV2 toV2(OrderPlacedV1 old) {
        return new OrderPlacedV2(new OrderId(old.orderId()), old.customerEmail(), old.totalEuros() * 100, "EUR",
                old.placedAt(), Channel.WEB, List.of(), Optional.empty());
    }
}
