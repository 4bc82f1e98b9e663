package shop;

import dev.stele.annotation.Upcast;

/** A second upcast from version 1, written elsewhere and forgotten. */
final class Migrations {

    private Migrations() {
    }

    @Upcast
    static OrderPlaced placedInCents(OrderPlacedV1 old) {
        return new OrderPlaced(old.orderId(), old.total());
    }
}
