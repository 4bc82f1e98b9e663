package dev.stele.kafka.internal;

import dev.stele.kafka.PoisonRecordException;
import org.apache.kafka.common.TopicPartition;

/**
 * What a committed batch did to one partition.
 *
 * @param partition the partition
 * @param storedOffset the partition's stored offset after the commit: the new one, or, if {@code fenced}, the
 *     one another instance had stored
 * @param applied records applied (handled or passed over)
 * @param fenced whether the stored offset was not the expected one, so none of the partition's records applied
 * @param stoppedOn the record the partition stopped on, or null
 */
record BatchOutcome(TopicPartition partition, long storedOffset, int applied, boolean fenced,
        PoisonRecordException stoppedOn) {
}
