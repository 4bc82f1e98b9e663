package shop;

import dev.stele.annotation.Event;

/** An older version that nobody taught to become version 2. */
@Event(name = "OrderPlaced", version = 1)
public record OrderPlacedV1(String orderId, long total) {
}
