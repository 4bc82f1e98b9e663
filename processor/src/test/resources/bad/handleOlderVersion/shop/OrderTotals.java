package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

@Projection(name = "order-totals")
public final class OrderTotals {
    @Handle
    void on(OrderPlacedV1 event) {
    }
}
