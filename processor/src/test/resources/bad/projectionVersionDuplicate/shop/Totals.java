package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

@Projection(
        name = "order-totals", version = 2)
public final class Totals {
    @Handle
    void on(OrderPlaced event) {
    }
}
