package dev.stele.relay;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where the {@link OutboxRelay} sends the outbox: Kafka ({@code dev.stele.kafka.KafkaPublisher}), or anything
 * in-process ({@link #synchronous}).
 *
 * <p>The relay calls {@link #publish} from one thread, in commit order, and confirms a transaction's LSN to
 * the slot only once every record of it and of every transaction before it is acknowledged: so a publisher
 * must keep the order of records with the same {@link OutboxRecord#aggregateId()} (also across its own
 * retries), must acknowledge a record only once it will not lose it, and once a record failed must deliver
 * no later one until {@link #recover} (Kafka's idempotent producer fails the later batches of a partition). Delivery is at least once: after a
 * crash or a failure, the records after the last confirmed LSN are published again, with their ids.
 *
 * <p>{@link #publish} may block to push back (a full buffer, a broker that is down): the relay then reads
 * nothing more, and the slot keeps the WAL meanwhile.
 */
public interface Publisher extends AutoCloseable {

    /**
     * Sends {@code record}; the stage completes when it is safely delivered, or exceptionally if it will not
     * be. A failure stops the relay's session: it calls {@link #recover} and publishes again from the last
     * confirmed LSN.
     */
    CompletionStage<?> publish(OutboxRecord record) throws Exception;

    /**
     * Called after a publish failed, before the relay publishes again from its last confirmed LSN: drop what
     * is in flight (it is sent again) and get ready to publish. By default nothing.
     */
    default void recover() throws Exception {
    }

    /** Releases what the publisher holds; the relay calls it when it closes. By default nothing. */
    @Override
    default void close() throws Exception {
    }

    /**
     * A publisher that hands each record to {@code consumer} on the relay's thread and acknowledges it when
     * {@code consumer} returns; a {@code consumer} that throws fails the publish (the record is sent again).
     */
    static Publisher synchronous(Consumer<? super OutboxRecord> consumer) {
        return record -> {
            consumer.accept(record);
            return CompletableFuture.completedFuture(null);
        };
    }
}
