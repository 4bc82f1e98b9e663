package shop;

import dev.stele.annotation.Event;
import java.math.BigDecimal;
import java.util.Date;

/** Two mistakes in one event: both are reported, and the event gets no codec. */
@Event(name = "OrderPaid")
public record OrderPaid(
        String orderId,
        BigDecimal amount,
        Date paidAt) {
}
