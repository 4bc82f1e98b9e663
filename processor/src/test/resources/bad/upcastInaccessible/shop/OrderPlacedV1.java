package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long total) {
}
