package com.acme.orders;

import dev.stele.annotation.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.Optional;

@Event(name = "OrderPlaced")
record OrderPlaced(@StreamId String orderId, long amountMinor, Instant placedAt, int quantity, String ref) {
}

@Event(name = "OrderPaid")
record OrderPaid(@StreamId String orderId, @Decimal(precision = 10, scale = 2) BigDecimal tax,
        @Default("card") String method) {
}

@Event(name = "OrderCancelled", version = 2)
record OrderCancelled(@StreamId String orderId, @Default("unknown") String reason) {
}
