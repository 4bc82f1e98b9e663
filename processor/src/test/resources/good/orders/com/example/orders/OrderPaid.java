package com.example.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;

/** A payment towards an order: the second event of the golden projection. */
@Event(name = "OrderPaid")
public record OrderPaid(@StreamId OrderId orderId, long amountMinor, Instant paidAt) {
}
