package shop;

import dev.stele.annotation.Event;

/** Copied from OrderPlaced and not given a new version. */
@Event(name = "OrderPlaced", version = 2)
public record OrderPlacedAgain(String orderId, long totalMinor, String currency) {
}
