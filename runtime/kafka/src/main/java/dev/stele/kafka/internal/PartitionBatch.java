package dev.stele.kafka.internal;

import dev.stele.kafka.PoisonRecordException;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's part of a poll, to apply in order.
 *
 * @param partition the partition
 * @param expectedOffset the stored offset this instance last read or wrote: the batch applies only if the row
 *     still holds it (the fencing token)
 * @param records the records, up to and without the first unreadable one
 * @param unreadable the first record that could not be read, or null: the partition stops on it
 */
record PartitionBatch(TopicPartition partition, long expectedOffset, List<ReadRecord> records,
        PoisonRecordException unreadable) {
}
