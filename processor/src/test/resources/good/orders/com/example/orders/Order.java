package com.example.orders;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Apply;
import dev.stele.annotation.Default;
import dev.stele.annotation.Initial;
import java.util.List;
import java.util.Optional;

/** An order as the fold of its stream: the aggregate of the golden files. */
@Aggregate(category = "order", snapshotEvery = 50)
public record Order(
        OrderId id,
        Status status,
        @Default("WEB") Channel channel,
        Optional<String> couponCode,
        List<OrderLine> lines) {

    /** Where an order is in its life. */
    public enum Status {
        NEW,
        PLACED
    }

    @Initial
    static Order initial(String id) {
        return new Order(new OrderId(id), Status.NEW, Channel.WEB, Optional.empty(), List.of());
    }

    @Apply
    Order on(OrderPlaced event) {
        return new Order(id, Status.PLACED, event.channel(), event.couponCode(), event.lines());
    }
}
