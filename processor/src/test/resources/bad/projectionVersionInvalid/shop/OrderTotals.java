package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

@Projection(name = "order-totals",
        version = 0)
public final class OrderTotals {
    @Handle
    void on(OrderPlaced event) {
    }
}
