package shop.migrations;

import dev.stele.annotation.Upcast;
import shop.OrderPlaced;
import shop.OrderPlacedV1;

/** Package-private, in another package than the events: the generated codec cannot call it. */
public final class Upcasts {

    private Upcasts() {
    }

    @Upcast
    static OrderPlaced toV2(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.total() * 100);
    }
}
