package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        Billing.Address billTo,
        Shipping.Address shipTo) {
}
