package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.Connection;

/** One handler of each wrong shape; the annotation is on the method's line, to tell the reports apart. */
@Projection(name = "order-totals")
public final class OrderTotals {

    @Handle static void onStatic(OrderPlaced event) {
    }

    @Handle private void onPrivate(OrderPlaced event) {
    }

    @Handle long onReturning(OrderPlaced event) {
        return event.totalMinor();
    }

    @Handle void onNothing() {
    }

    @Handle void onText(
            String orderId) {
    }

    @Handle void onConnection(OrderPlaced event,
            Connection connection) {
    }

    @Handle void onThree(OrderPlaced event, EventContext context,
            long position) {
    }
}
