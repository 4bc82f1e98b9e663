package dev.stele.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The broker's acknowledgements of one side's records, counted from the producer's send callbacks: how many,
 * when the first and the last came, the first failure; with a {@link LatencyRecorder}, each event's
 * acknowledgement by its id.
 */
final class OutboxAcks {

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LatencyRecorder latencies;
    private volatile long firstNanos;
    private volatile long lastNanos;

    OutboxAcks(LatencyRecorder latencies) {
        this.latencies = latencies;
    }

    void acknowledged(String eventId) {
        long now = System.nanoTime();
        if (count.incrementAndGet() == 1) {
            firstNanos = now;
        }
        lastNanos = now;
        if (latencies != null) {
            latencies.handled(eventId, now);
        }
    }

    void failed(Throwable problem) {
        failure.compareAndSet(null, problem);
    }

    long count() {
        return count.get();
    }

    long firstNanos() {
        return firstNanos;
    }

    long lastNanos() {
        return lastNanos;
    }

    Throwable failure() {
        return failure.get();
    }
}
