package com.acme.orders;

import dev.stele.annotation.*;
import java.util.HashMap;
import java.util.Map;

/** An order as the fold of its stream: the catalogue names it under the events it applies. */
@Aggregate(category = "order")
record Order(String id, String status) {

    @Initial
    static Order initial(String id) {
        return new Order(id, "NEW");
    }

    @Apply
    Order on(OrderPlaced event) {
        return new Order(id, "PLACED");
    }

    @Apply
    Order on(OrderCancelled event) {
        return new Order(id, "CANCELLED");
    }
}

/** What has been paid per order: the catalogue names it under the events it handles. */
@Projection(name = "order-payments")
final class OrderPayments {

    private final Map<String, String> methods = new HashMap<>();

    @Handle
    void on(OrderPaid event) {
        methods.put(event.orderId(), event.paymentMethod());
    }

    @Handle
    void on(CustomerRegistered event) {
        methods.remove(String.valueOf(event.customerId()));
    }
}
