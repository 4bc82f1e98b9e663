package com.example.orders;

import dev.stele.projection.EventContext;
import dev.stele.spi.ProjectionType;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Generated;

/**
 * The projection {@link OrderTotals}, named "order-totals": the names of the events it handles, and the
 * dispatch of each to its {@code @Handle} method.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class OrderTotalsProjection implements ProjectionType<OrderTotals> {
    /**
     * The projection as the generated projection catalog registers it.
     */
    public static final OrderTotalsProjection TYPE = new OrderTotalsProjection();

    private static final Set<String> HANDLED_EVENTS = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("OrderPaid", "OrderPlaced")));

    private OrderTotalsProjection() {
    }

    @Override
    public String name() {
        return "order-totals";
    }

    @Override
    public Class<OrderTotals> projectionClass() {
        return OrderTotals.class;
    }

    @Override
    public Set<String> handledEvents() {
        return HANDLED_EVENTS;
    }

    @Override
    public void handle(OrderTotals projection, String eventName, Object event, EventContext context)
            throws Exception {
        switch (eventName) {
            case "OrderPaid" -> projection.paid((OrderPaid) event);
            case "OrderPlaced" -> projection.on((OrderPlaced) event, context);
            default -> {
                // not an event this projection handles
            }
        }
    }
}
