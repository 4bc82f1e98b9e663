package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;
import java.util.Date;

/** Has its own error; version 1's path through it is not reported as missing. */
@Event(name = "OrderPlaced", version = 2)
public record OrderPlacedV2(
        String orderId,
        Date placedAt) {

    @Upcast
    static OrderPlaced toV3(OrderPlacedV2 old) {
        return new OrderPlaced(old.orderId(), 0);
    }
}
