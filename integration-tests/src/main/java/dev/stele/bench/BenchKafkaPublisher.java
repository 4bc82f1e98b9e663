package dev.stele.bench;

import dev.stele.relay.OutboxRecord;
import dev.stele.relay.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The relay benchmark's publisher: the smallest {@link Publisher} over a {@link KafkaProducer} in the Outbox Event
 * Router's layout (topic {@code outbox.event.<aggregateType>}, key the aggregate id, header {@code id}, value the
 * payload's bytes), its stage completed from the send callback, which also tells {@link OutboxAcks}. The producer
 * is the harness's ({@link OutboxRelayBench#producerSettings}: idempotent, {@code acks=all}), the same settings the
 * Debezium side gets.
 *
 * <p>A stand-in for {@code dev.stele.kafka.KafkaPublisher}: the harness builds its relay's publisher in one place
 * ({@link OutboxRelayBench#relayPublisher}), where one line swaps this class for that one.
 */
final class BenchKafkaPublisher implements Publisher {

    private final KafkaProducer<byte[], byte[]> producer;
    private final OutboxAcks acks;

    BenchKafkaPublisher(KafkaProducer<byte[], byte[]> producer, OutboxAcks acks) {
        this.producer = producer;
        this.acks = acks;
    }

    @Override
    public CompletionStage<?> publish(OutboxRecord record) {
        String id = record.id().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add("id", id.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> message = new ProducerRecord<>("outbox.event." + record.aggregateType(), null,
                record.aggregateId().getBytes(StandardCharsets.UTF_8),
                record.payload().getBytes(StandardCharsets.UTF_8), headers);
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        producer.send(message, (metadata, failure) -> {
            if (failure != null) {
                acks.failed(failure);
                delivered.completeExceptionally(failure);
            } else {
                acks.acknowledged(id);
                delivered.complete(null);
            }
        });
        return delivered;
    }

    /** The harness closes the producer. */
    @Override
    public void close() {
    }
}
