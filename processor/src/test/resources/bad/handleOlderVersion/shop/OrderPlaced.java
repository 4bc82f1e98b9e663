package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced", version = 2)
public record OrderPlaced(String orderId, long totalMinor) {
}
