package shop;

import dev.stele.annotation.Event;
import java.math.BigDecimal;

@Event(name = "OrderPaid")
public record OrderPaid(
        String orderId,
        BigDecimal amount) {
}
