package shop;

import dev.stele.annotation.Event;

/** Version 2 lost its @Upcast, so version 1 no longer reaches version 3 either. */
@Event(name = "OrderPlaced", version = 2)
public record OrderPlacedV2(String orderId, long totalMinor) {
}
