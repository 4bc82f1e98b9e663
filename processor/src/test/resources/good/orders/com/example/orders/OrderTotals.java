package com.example.orders;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each order comes to and what has been paid towards it, kept in memory: the projection of the golden
 * files, with one handler that takes the event's context and one that does not.
 */
@Projection(name = "order-totals")
public final class OrderTotals {

    private final Map<OrderId, BigDecimal> totals = new HashMap<>();
    private final Map<OrderId, Long> paidMinor = new HashMap<>();
    private final Map<OrderId, Long> placedAt = new HashMap<>();

    @Handle
    void on(OrderPlaced event, EventContext context) {
        totals.put(event.orderId(), event.total());
        placedAt.put(event.orderId(), context.globalPosition());
    }

    @Handle
    void paid(OrderPaid event) {
        paidMinor.merge(event.orderId(), event.amountMinor(), Long::sum);
    }

    public Optional<BigDecimal> total(OrderId order) {
        return Optional.ofNullable(totals.get(order));
    }

    public long paidMinor(OrderId order) {
        return paidMinor.getOrDefault(order, 0L);
    }

    /** The global position of the event that placed the order. */
    public Optional<Long> placedAt(OrderId order) {
        return Optional.ofNullable(placedAt.get(order));
    }
}
