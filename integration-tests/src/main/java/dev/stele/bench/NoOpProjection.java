package dev.stele.bench;

import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.projection.EventContext;

/**
 * A projection that writes nothing: it counts the events it is handed and, for the latency benchmark, notes
 * each one so that the commit that follows can stamp it. What it measures is the runner itself: reading
 * the slot, decoding each event into its record, handing it to its partition and committing checkpoints.
 */
public final class NoOpProjection {

    private final Progress handled;
    private final LatencyRecorder latencies;

    NoOpProjection(Progress handled, LatencyRecorder latencies) {
        this.handled = handled;
        this.latencies = latencies;
    }

    public void on(OrderPlaced event, EventContext context) {
        count(context);
    }

    public void on(OrderPaid event, EventContext context) {
        count(context);
    }

    public void on(OrderShipped event, EventContext context) {
        count(context);
    }

    public void on(OrderNoted event, EventContext context) {
        count(context);
    }

    private void count(EventContext context) {
        handled.add(1);
        if (latencies != null) {
            latencies.handledUncommitted(LatencyRecorder.key(context.streamId(), context.streamVersion()));
        }
    }
}
