package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long totalEuros) {
    @Upcast
    static OrderPlaced up(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.totalEuros() * 100);
    }
}
