package shop;

import dev.stele.annotation.Event;

@Event(
        name = "order-placed",
        version = 1)
public record OrderPlaced(String orderId) {
}
