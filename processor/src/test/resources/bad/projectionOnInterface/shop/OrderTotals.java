package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

@Projection(name = "order-totals")
public interface OrderTotals {
    @Handle
    default void on(OrderPlaced event) {
    }
}
