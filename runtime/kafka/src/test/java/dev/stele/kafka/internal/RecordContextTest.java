package dev.stele.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.cdc.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordContextTest {

    private static final OutboxEvent EVENT = new OutboxEvent(UUID.randomUUID(), Optional.empty(), "o-1", "OrderPaid", 1,
            "paid");

    @Test
    void theCorrelationAndCausationIdsAreThePublishersHeaders() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("outbox.event.order", 0, 7, new byte[0],
                new byte[0]);
        record.headers().add("correlationId", "req-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("causationId", "cmd-2".getBytes(StandardCharsets.UTF_8));
        RecordContext context = new RecordContext(record, EVENT, null);

        assertThat(context.correlationId()).contains("req-1");
        assertThat(context.causationId()).contains("cmd-2");
        assertThat(context.streamCategory()).as("no aggregateType header: the topic").isEqualTo("outbox.event.order");
    }

    @Test
    void withoutThemTheyAreEmpty() {
        RecordContext context = new RecordContext(new ConsumerRecord<>("t", 0, 0, new byte[0], new byte[0]), EVENT,
                null);
        assertThat(context.correlationId()).isEmpty();
        assertThat(context.causationId()).isEmpty();
    }
}
