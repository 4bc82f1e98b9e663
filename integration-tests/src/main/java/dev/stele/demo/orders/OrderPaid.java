package dev.stele.demo.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;

/** A payment towards an order; money in minor units. */
@Event(name = "OrderPaid")
public record OrderPaid(@StreamId OrderId orderId, String paymentId, long amountMinor, Instant paidAt) {
}
