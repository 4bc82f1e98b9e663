package dev.stele.bench;

import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The events the projection benchmarks append through {@link EventStore}: each transaction appends to a
 * stream of its own ({@code order/<prefix>-<n>}), the four event types in turn — {@code OrderPlaced}
 * (536 bytes of JSON, {@link Fixtures#orderWithThreeLines}), {@code OrderPaid}, {@code OrderShipped},
 * {@code OrderNoted} — so each type is a quarter of the events and streams spread over partitions.
 */
final class Workload {

    static final Set<String> ALL_TYPES = Set.of("OrderPlaced", "OrderPaid", "OrderShipped", "OrderNoted");
    /** Half the types, for the catch-up benchmark: the large event and one small one. */
    static final Set<String> HALF_TYPES = Set.of("OrderPlaced", "OrderPaid");

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final OrderPlaced PLACED = Fixtures.orderWithThreeLines();

    private final EventStore store;

    Workload(EventStore store) {
        this.store = store;
    }

    /** Appends {@code count} events in transactions of {@code perTransaction}, one new stream each. */
    void append(String prefix, int count, int perTransaction) {
        for (int n = 0, done = 0; done < count; n++) {
            int size = Math.min(perTransaction, count - done);
            appendTransaction(prefix + "-" + n, size);
            done += size;
        }
    }

    /** One transaction of {@code size} events to the new stream {@code order/<id>}. */
    void appendTransaction(String id, int size) {
        store.append(StreamId.of("order", id), ExpectedVersion.noStream(), transaction(id, size));
    }

    static List<Object> transaction(String id, int size) {
        OrderId orderId = new OrderId(id);
        List<Object> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            switch (i % 4) {
                case 0 -> events.add(new OrderPlaced(orderId, PLACED.customerId(), PLACED.customerEmail(),
                        PLACED.totalMinor(), PLACED.currency(), PLACED.placedAt(), PLACED.channel(), PLACED.lines(),
                        PLACED.couponCode(), PLACED.shipping()));
                case 1 -> events.add(new OrderPaid(orderId, "pay-" + i, 15_970, AT));
                case 2 -> events.add(new OrderShipped(orderId, "parcel-carrier", AT));
                default -> events.add(new OrderNoted(orderId, "support", "customer asked for a gift wrap", AT));
            }
        }
        return events;
    }

    /** How many of the first {@code count} events of transactions of {@code perTransaction} are of {@code types}. */
    static int countOf(Set<String> types, int count, int perTransaction) {
        String[] order = {"OrderPlaced", "OrderPaid", "OrderShipped", "OrderNoted"};
        int matching = 0;
        for (int done = 0; done < count; done += perTransaction) {
            int size = Math.min(perTransaction, count - done);
            for (int i = 0; i < size; i++) {
                if (types.contains(order[i % 4])) {
                    matching++;
                }
            }
        }
        return matching;
    }
}
