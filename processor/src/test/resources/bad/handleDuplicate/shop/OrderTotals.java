package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;

@Projection(name = "order-totals")
public final class OrderTotals {
    @Handle
    void on(OrderPlaced event) {
    }

    @Handle
    void onAgain(OrderPlaced event, EventContext context) {
    }
}
