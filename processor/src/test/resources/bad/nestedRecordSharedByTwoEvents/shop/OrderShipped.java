package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderShipped")
public record OrderShipped(String orderId, Address shippedTo) {
}
