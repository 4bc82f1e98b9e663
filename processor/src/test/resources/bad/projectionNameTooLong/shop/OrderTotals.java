package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

/** A name of 64 characters, one more than the runtime stores. */
@Projection(
        name = "order-totals-by-customer-region-channel-currency-and-calendar-wk")
public final class OrderTotals {
    @Handle
    void on(OrderPlaced event) {
    }
}
