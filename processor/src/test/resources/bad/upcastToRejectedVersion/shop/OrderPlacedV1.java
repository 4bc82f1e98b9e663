package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId) {

    @Upcast
    static OrderPlacedV2 toV2(OrderPlacedV1 old) {
        return new OrderPlacedV2(old.orderId(), null);
    }
}
