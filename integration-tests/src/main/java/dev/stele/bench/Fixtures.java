package dev.stele.bench;

import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The representative event every benchmark encodes and decodes, and the check that fails a setup. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * {@link OrderPlaced} version 3 with three order lines, a coupon and a non-default shipping: every
     * kind of field the event has carries a value (typed id, UUID, strings, money in minor units, an
     * {@code Instant} with microseconds, enums, a list of nested records, a present {@code Optional}).
     */
    static OrderPlaced orderWithThreeLines() {
        return orderWithThreeLines("o-2026-000042");
    }

    /** The same event for order {@code orderId}, so that it can be appended to stream {@code order-<orderId>}. */
    static OrderPlaced orderWithThreeLines(String orderId) {
        return new OrderPlaced(new OrderId(orderId),
                UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada.lovelace@example.com", 15_970, "EUR",
                Instant.parse("2026-11-26T09:30:00.123456Z"), Channel.MOBILE,
                List.of(new OrderLine("BOOK-1", "Notes on the Analytical Engine", 1, 4_990),
                        new OrderLine("PEN-7", "Fountain pen, medium nib", 2, 4_000),
                        new OrderLine("INK-3", "Ink, blue-black, 50 ml", 3, 990)),
                Optional.of("WINTER-10"), Shipping.EXPRESS);
    }

    /** Fails the benchmark's setup, and so the run, when the two sides do not do the same work. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark setup check failed: " + what);
        }
    }
}
