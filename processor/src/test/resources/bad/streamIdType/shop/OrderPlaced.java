package shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.util.List;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @StreamId
        List<String> lines) {
}
