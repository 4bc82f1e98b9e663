package dev.stele.kafka.internal;

import dev.stele.cdc.OutboxEvent;
import dev.stele.kafka.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A polled record as read for a projection: {@code event} to apply, neither (an event the projection does not
 * handle: passed over, its offset counts as applied), or {@code unreadable}.
 */
record ReadRecord(ConsumerRecord<byte[], byte[]> record, OutboxEvent event, PoisonRecordException unreadable) {

    long offset() {
        return record.offset();
    }
}
