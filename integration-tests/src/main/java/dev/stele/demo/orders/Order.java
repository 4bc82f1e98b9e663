package dev.stele.demo.orders;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Apply;
import dev.stele.annotation.Initial;
import java.time.Instant;
import java.util.List;

/** An order as the fold of its stream {@code order-<id>}; commands return the events they cause. */
@Aggregate(category = "order", snapshotEvery = 5)
public record Order(String id, Status status, long totalMinor, long paidMinor) {

    /** Where an order is in its life. */
    public enum Status {
        NEW, PLACED, PAID, SHIPPED
    }

    @Initial
    static Order initial(String id) {
        return new Order(id, Status.NEW, 0, 0);
    }

    @Apply
    Order on(OrderPlaced event) {
        return new Order(id, Status.PLACED, event.totalMinor(), 0);
    }

    @Apply
    Order on(OrderPaid event) {
        long paid = paidMinor + event.amountMinor();
        return new Order(id, paid >= totalMinor ? Status.PAID : status, totalMinor, paid);
    }

    @Apply
    Order on(OrderShipped event) {
        return new Order(id, Status.SHIPPED, totalMinor, paidMinor);
    }

    /** Pays {@code amountMinor}, refusing more than is still due. */
    public List<Object> pay(String paymentId, long amountMinor, Instant at) {
        if (status != Status.PLACED || amountMinor > totalMinor - paidMinor) {
            throw new IllegalStateException("order " + id + " is " + status + " with " + (totalMinor - paidMinor)
                    + " due; cannot take " + amountMinor);
        }
        return List.of(new OrderPaid(new OrderId(id), paymentId, amountMinor, at));
    }

    public List<Object> ship(String carrier, Instant at) {
        if (status != Status.PAID) {
            throw new IllegalStateException("order " + id + " is " + status + "; only a paid order ships");
        }
        return List.of(new OrderShipped(new OrderId(id), carrier, at));
    }
}
