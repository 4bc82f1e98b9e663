package dev.stele.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * How one projection runs.
 *
 * @param partitions how many workers apply the projection's events in parallel; events of one stream
 *     always go to the same partition, in order. Fixed once the projection has run: a change is refused
 *     until the projection is reset.
 * @param onPoison what happens to an event the handler keeps failing on
 * @param attempts how many times an event is tried before it counts as poison (at least 1)
 * @param firstRetryDelay the wait before the first retry; it doubles up to {@link #maxRetryDelay}, with
 *     jitter
 * @param queueEvents at most this many events wait for one partition; the slot is read no faster
 * @param queueBytes at most this many payload bytes wait for one partition
 * @param batchEvents at most this many events are applied in one transaction with the checkpoint
 */
public record ProjectionOptions(int partitions, PoisonPolicy onPoison, int attempts, Duration firstRetryDelay,
        Duration maxRetryDelay, int queueEvents, long queueBytes, int batchEvents) {

    public ProjectionOptions {
        Objects.requireNonNull(onPoison, "onPoison");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (partitions < 1 || partitions > 256) {
            throw new IllegalArgumentException("partitions must be 1 to 256, not " + partitions);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (queueEvents < 1 || queueBytes < 1 || batchEvents < 1) {
            throw new IllegalArgumentException("queueEvents, queueBytes and batchEvents must be positive");
        }
    }

    /** One partition, {@link PoisonPolicy#STOP}, 5 attempts from 100 ms to 5 s apart, queues of 10,000 events or 16 MiB, batches of 500. */
    public static ProjectionOptions defaults() {
        return new ProjectionOptions(1, PoisonPolicy.STOP, 5, Duration.ofMillis(100), Duration.ofSeconds(5), 10_000,
                16L << 20, 500);
    }

    public ProjectionOptions withPartitions(int count) {
        return new ProjectionOptions(count, onPoison, attempts, firstRetryDelay, maxRetryDelay, queueEvents, queueBytes,
                batchEvents);
    }

    public ProjectionOptions withPoisonPolicy(PoisonPolicy policy) {
        return new ProjectionOptions(partitions, policy, attempts, firstRetryDelay, maxRetryDelay, queueEvents,
                queueBytes, batchEvents);
    }

    public ProjectionOptions withRetries(int attempts, Duration firstDelay, Duration maxDelay) {
        return new ProjectionOptions(partitions, onPoison, attempts, firstDelay, maxDelay, queueEvents, queueBytes,
                batchEvents);
    }

    public ProjectionOptions withQueue(int events, long bytes) {
        return new ProjectionOptions(partitions, onPoison, attempts, firstRetryDelay, maxRetryDelay, events, bytes,
                batchEvents);
    }

    public ProjectionOptions withBatchEvents(int events) {
        return new ProjectionOptions(partitions, onPoison, attempts, firstRetryDelay, maxRetryDelay, queueEvents,
                queueBytes, events);
    }
}
