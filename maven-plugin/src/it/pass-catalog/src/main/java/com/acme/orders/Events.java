package com.acme.orders;

import dev.stele.annotation.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.List;
import java.util.Optional;

// 1.0.0's events (setup-orders-1.0.0), evolved: OrderPlaced gains versions 2 and 3, OrderPaid a renamed field,
// and a new event is read from a table

@Event(name = "OrderPlaced", version = 1)
record OrderPlacedV1(@StreamId String orderId, long amountMinor, Instant placedAt, int quantity, String ref) {
    @Upcast
    static OrderPlacedV2 up(OrderPlacedV1 old) {
        return new OrderPlacedV2(old.orderId(), old.amountMinor(), old.placedAt(), old.quantity(), old.ref(), "EUR");
    }
}

@Event(name = "OrderPlaced", version = 2)
record OrderPlacedV2(@StreamId String orderId, long amountMinor, Instant placedAt, int quantity, String ref,
        String currency) {
    @Upcast
    static OrderPlaced up(OrderPlacedV2 old) {
        return new OrderPlaced(old.orderId(), old.amountMinor(), old.placedAt(), old.currency(), Optional.of(old.ref()),
                List.of());
    }
}

@Event(name = "OrderPlaced", version = 3)
record OrderPlaced(@StreamId String orderId, long amountMinor, Instant placedAt, String currency,
        Optional<String> ref, List<String> tags) {
}

@Event(name = "OrderPaid")
record OrderPaid(@StreamId String orderId, @Decimal(precision = 10, scale = 2) BigDecimal tax,
        @Default("card") @Alias("method") String paymentMethod) {
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

@Event(name = "CustomerRegistered")
@FromTable(table = "public.customers", operations = {Operation.INSERT, Operation.SNAPSHOT})
record CustomerRegistered(@Column("id") long customerId, String email, @Column("created_at") LocalDateTime at) {
}
