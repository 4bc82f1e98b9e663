package shop;

import dev.stele.annotation.Projection;

@Projection(name = "order-totals")
public final class OrderTotals {
    void on(Object event) {
    }
}
