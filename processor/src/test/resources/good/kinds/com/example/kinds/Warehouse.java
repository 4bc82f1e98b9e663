package com.example.kinds;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

/** Events nested in a class get a codec named after both. */
public final class Warehouse {

    private Warehouse() {
    }

    @Event(name = "StockCounted")
    public record StockCounted(@StreamId String warehouseId, Sku sku, Quantity quantity) {
    }
}
