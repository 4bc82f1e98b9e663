package shop;

import dev.stele.annotation.Event;
import java.util.Date;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        Date placedAt) {
}
