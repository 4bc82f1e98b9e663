package com.acme.orders;

import dev.stele.annotation.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.Optional;

@Event(name = "OrderPlaced", version = 1)
record OrderPlacedV1(@StreamId String orderId, long amountMinor, Instant placedAt, int quantity, String ref) {
    @Upcast
    static OrderPlaced up(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), String.valueOf(old.amountMinor()), old.placedAt());
    }
}

@Event(name = "OrderPlaced", version = 2)
record OrderPlaced(@StreamId String orderId, String amount, Instant placedAt) {
}

@Event(name = "OrderPaid")
record OrderPaid(@StreamId String orderId, @Decimal(precision = 10, scale = 2) BigDecimal tax,
        @Default("card") String method) {
}

@Event(name = "OrderCancelled", version = 1)
record OrderCancelledV1(@StreamId String orderId) {
    @Upcast
    static OrderCancelled up(OrderCancelledV1 old) {
        return new OrderCancelled(old.orderId(), "unknown");
    }
}

@Event(name = "OrderCancelled", version = 2)
record OrderCancelled(@StreamId String orderId, @Default("unknown") String reason) {
}
