package shop;

import dev.stele.annotation.Event;

@Event(
        name = "OrderPlaced",
        version = 0)
public record OrderPlaced(String orderId) {
}
