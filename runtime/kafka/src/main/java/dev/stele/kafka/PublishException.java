package dev.stele.kafka;

import dev.stele.SteleException;
import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import java.util.Optional;
import java.util.UUID;

/**
 * An outbox record {@link KafkaPublisher} did not deliver: the record could not be laid out (its payload does
 * not decode for the Avro value format, the topic function failed), the producer refused it ({@code
 * max.request.size}, {@code max.block.ms} passed waiting for the topic's metadata or for buffer space), or the
 * broker did (an invalid topic name, a record larger than the topic's {@code max.message.bytes}, not
 * authorised). The cause is Kafka's or the catalog's error. The relay calls {@link KafkaPublisher#recover} and
 * publishes again from its last confirmed LSN.
 */
public final class PublishException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final transient UUID eventId;
    private final String aggregateId;
    private final String topic;
    private final transient Lsn commitLsn;

    PublishException(OutboxRecord record, String topic, String reason, Throwable cause) {
        super("event " + record.id() + " (" + record.type() + " of " + record.aggregateType() + " "
                + record.aggregateId() + ", commit LSN " + record.commitLsn() + ") was not published"
                + (topic == null ? "" : " to topic '" + topic + "'") + ": " + reason, cause);
        this.eventId = record.id();
        this.aggregateId = record.aggregateId();
        this.topic = topic;
        this.commitLsn = record.commitLsn();
    }

    /** The event id of the record. */
    public UUID eventId() {
        return eventId;
    }

    /** The stream id of the record, its key. */
    public String aggregateId() {
        return aggregateId;
    }

    /** The topic it was sent to; empty if the failure came before a topic was chosen. */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** The commit LSN of the transaction that appended the event. */
    public Lsn commitLsn() {
        return commitLsn;
    }
}
