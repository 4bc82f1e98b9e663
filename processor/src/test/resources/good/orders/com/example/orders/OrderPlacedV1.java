package com.example.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The first release: a total in whole euros, no lines. */
@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(@StreamId String orderId, String email, long totalEuros, Instant placedAt) {

    @Upcast
    static OrderPlaced toV2(OrderPlacedV1 old) {
        UUID customer = UUID.nameUUIDFromBytes(old.email().getBytes(StandardCharsets.UTF_8));
        return new OrderPlaced(new OrderId(old.orderId()), customer, old.email(), old.placedAt(), Channel.WEB,
                Optional.empty(), List.of(), Map.of(), BigDecimal.valueOf(old.totalEuros()).setScale(2));
    }
}
