package shop;

import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import java.time.Instant;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @Default(
                "yesterday")
        Instant placedAt) {
}
