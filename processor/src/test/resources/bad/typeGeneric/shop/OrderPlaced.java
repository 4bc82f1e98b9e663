package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced<T>(String orderId, T payload) {
}
