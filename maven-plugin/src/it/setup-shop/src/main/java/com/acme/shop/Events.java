package com.acme.shop;

import dev.stele.annotation.*;

// The shop's events, an aggregate and a projection: what the database goals' ITs inspect (Seed writes them)

@Event(name = "OrderPlaced", version = 1)
record OrderPlacedV1(@StreamId String orderId, long totalMinor) {
    @Upcast
    static OrderPlaced up(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.totalMinor(), "EUR");
    }
}

@Event(name = "OrderPlaced", version = 2)
record OrderPlaced(@StreamId String orderId, long totalMinor, String currency) {
}

@Event(name = "OrderShipped")
record OrderShipped(@StreamId String orderId, String carrier) {
}

@Event(name = "CustomerRegistered")
record CustomerRegistered(@StreamId String customerId, String name) {
}

/** An order as the fold of its stream: a replay shows its state after each event. */
@Aggregate(category = "order")
record ShopOrder(String id, String status, long totalMinor) {

    @Initial
    static ShopOrder initial(String id) {
        return new ShopOrder(id, "NEW", 0);
    }

    @Apply
    ShopOrder on(OrderPlaced event) {
        return new ShopOrder(id, "PLACED", event.totalMinor());
    }

    @Apply
    ShopOrder on(OrderShipped event) {
        return new ShopOrder(id, "SHIPPED", totalMinor);
    }
}

/** Counts orders placed; keeps nothing in the database; refuses the order o-bad (parked). */
@Projection(name = "order-count")
final class OrderCount {

    static final String REFUSED = "o-bad";

    int placed;

    @Handle
    void on(OrderPlaced event) {
        if (REFUSED.equals(event.orderId())) {
            throw new IllegalStateException("order-count refuses order " + event.orderId());
        }
        placed++;
    }
}

/** Version 2 of order-count (counts shipments too): Seed rebuilds it beside version 1 under the prefix rebuild_. */
@Projection(name = "order-count", version = 2)
final class OrderCountV2 {

    int placed;
    int shipped;

    @Handle
    void on(OrderPlaced event) {
        placed++;
    }

    @Handle
    void on(OrderShipped event) {
        shipped++;
    }
}
