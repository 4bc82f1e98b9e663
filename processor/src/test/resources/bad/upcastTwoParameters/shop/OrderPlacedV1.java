package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long total) {

    @Upcast
    static OrderPlaced toV2(OrderPlacedV1 old, long factor) {
        return new OrderPlaced(old.orderId(), old.total() * factor);
    }
}
