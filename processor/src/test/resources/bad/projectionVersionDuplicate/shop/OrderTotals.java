package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

/** Version 1, the current one: no clash with version 2. */
@Projection(name = "order-totals")
public final class OrderTotals {
    @Handle
    void on(OrderPlaced event) {
    }
}
