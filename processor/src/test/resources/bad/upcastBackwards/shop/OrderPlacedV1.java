package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long total) {

    @Upcast
    static OrderPlaced toV2(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.total() * 100);
    }

    /** Turns the latest version back into an older one: not an upcast. */
    @Upcast
    static OrderPlacedV1 fromV2(OrderPlaced latest) {
        return new OrderPlacedV1(latest.orderId(), latest.totalMinor() / 100);
    }
}
