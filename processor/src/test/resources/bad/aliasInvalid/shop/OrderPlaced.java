package shop;

import dev.stele.annotation.Alias;
import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @Alias("total-minor")
        long totalMinor) {
}
