package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

@Projection(
        name = "Order Totals")
public final class OrderTotals {
    @Handle
    void on(OrderPlaced event) {
    }
}
