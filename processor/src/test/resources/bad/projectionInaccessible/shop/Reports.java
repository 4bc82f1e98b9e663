package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

public final class Reports {

    @Projection(name = "order-totals")
    private static final class OrderTotals {
        @Handle
        void on(OrderPlaced event) {
        }
    }
}
