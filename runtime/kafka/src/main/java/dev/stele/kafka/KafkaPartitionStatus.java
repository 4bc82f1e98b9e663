package dev.stele.kafka;

import java.util.Optional;

/**
 * One partition a {@link KafkaProjectionRunner} holds.
 *
 * @param topic the topic
 * @param partition the partition
 * @param storedOffset the next offset to apply as this runner last read or wrote it in PostgreSQL (-1 until it
 *     has read it): every record before it has taken effect, none after it
 * @param applied how many records of the partition this runner applied since it was assigned it (events the
 *     projection does not handle count too)
 * @param stoppedOn the record the partition stopped on, if it did
 */
public record KafkaPartitionStatus(String topic, int partition, long storedOffset, long applied,
        Optional<PoisonRecordException> stoppedOn) {
}
