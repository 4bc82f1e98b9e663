package dev.stele.bench;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.demo.orders.OrderId;
import java.time.Instant;

/**
 * A fourth, small event type for the projection benchmarks, so that a projection can handle half of the
 * types a stream holds ({@link Workload}); the demo has three.
 */
@Event(name = "OrderNoted")
public record OrderNoted(@StreamId OrderId orderId, String author, String note, Instant notedAt) {
}
