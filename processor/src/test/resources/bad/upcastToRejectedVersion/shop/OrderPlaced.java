package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced", version = 3)
public record OrderPlaced(String orderId, long totalMinor) {
}
