package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        @StreamId String orderId,
        @StreamId
        String customerId) {
}
