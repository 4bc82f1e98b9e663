package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPaid", version = 2)
public record OrderPaid(String orderId, long amountMinor) {
}
