package dev.stele.kafka.internal;

import dev.stele.cdc.OutboxEvent;
import dev.stele.cdc.OutboxRecordException;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.kafka.PoisonRecordException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads polled records with {@link OutboxRouterRecords}: the records of events the projection does not handle are
 * passed over by their name header without reading their value, as the slot's runner reads only the events a
 * projection handles.
 */
final class RecordReader {

    private final OutboxRouterRecords reader;
    private final Set<String> handled;
    private final String projection;

    RecordReader(OutboxRouterRecords reader, Set<String> handled, String projection) {
        this.reader = reader;
        this.handled = handled;
        this.projection = projection;
    }

    ReadRecord read(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        Optional<String> name = reader.eventName(headers);
        if (name.isPresent() && !handled.contains(name.get())) {
            return new ReadRecord(record, null, null);
        }
        try {
            OutboxEvent event = reader.read(record.key(), record.value(), headers);
            return new ReadRecord(record, event, null);
        } catch (OutboxRecordException e) {
            return new ReadRecord(record, null, new PoisonRecordException(projection, record.topic(),
                    record.partition(), record.offset(), e.eventId().orElse(null), name.orElse(null),
                    PoisonRecordException.Reason.UNREADABLE, 0, e));
        }
    }
}
