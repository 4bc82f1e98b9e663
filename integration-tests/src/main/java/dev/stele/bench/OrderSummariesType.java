package dev.stele.bench;

import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.projection.EventContext;
import dev.stele.spi.ProjectionType;
import java.util.Set;

/** The dispatch of {@link OrderSummaries}, written as the processor will generate it. */
final class OrderSummariesType implements ProjectionType<OrderSummaries> {

    @Override
    public String name() {
        return "order_summaries";
    }

    @Override
    public Class<OrderSummaries> projectionClass() {
        return OrderSummaries.class;
    }

    @Override
    public Set<String> handledEvents() {
        return Workload.ALL_TYPES;
    }

    @Override
    public void handle(OrderSummaries projection, String eventName, Object event, EventContext context)
            throws Exception {
        switch (eventName) {
            case "OrderPlaced" -> projection.on((OrderPlaced) event, context);
            case "OrderPaid" -> projection.on((OrderPaid) event, context);
            case "OrderShipped" -> projection.on((OrderShipped) event, context);
            case "OrderNoted" -> projection.on((OrderNoted) event, context);
            default -> {
            }
        }
    }
}
