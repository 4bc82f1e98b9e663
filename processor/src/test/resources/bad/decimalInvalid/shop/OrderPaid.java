package shop;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import java.math.BigDecimal;

@Event(name = "OrderPaid")
public record OrderPaid(
        String orderId,
        @Decimal(precision = 2, scale = 4)
        BigDecimal amount) {
}
