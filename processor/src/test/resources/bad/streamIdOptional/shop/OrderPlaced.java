package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.util.Optional;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        @StreamId Optional<String> orderId,
        long totalMinor) {
}
