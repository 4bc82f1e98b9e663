package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(String orderId, long totalMinor) {
}
