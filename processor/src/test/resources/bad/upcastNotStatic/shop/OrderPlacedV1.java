package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long total) {

    @Upcast
    OrderPlaced toV2(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.total() * 100);
    }
}
