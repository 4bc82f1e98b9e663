package dev.stele.demo.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;

@Event(name = "OrderShipped")
public record OrderShipped(@StreamId OrderId orderId, String carrier, Instant shippedAt) {
}
