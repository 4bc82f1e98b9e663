package dev.stele.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer properties {@link KafkaPublisher} runs with: the user's, checked, plus the ones it forces. Pure:
 * no producer is made here.
 */
final class ProducerSettings {

    /** The most in-flight requests per connection with which the idempotent producer keeps order. */
    static final int MAX_IN_FLIGHT = 5;

    private ProducerSettings() {
    }

    /**
     * {@code user} checked and completed.
     *
     * @throws ProducerSettingException for a property that would break the publisher's guarantees
     */
    static Map<String, Object> of(Map<String, ?> user) {
        Objects.requireNonNull(user, "producerProperties");
        Map<String, Object> settings = new HashMap<>(user);
        serializer(user, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        serializer(user, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

        Object idempotence = user.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        if (idempotence != null && !text(idempotence).equalsIgnoreCase("true")) {
            throw new ProducerSettingException(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence, "the idempotent"
                    + " producer is what keeps a stream's records in order and once each across the producer's own"
                    + " retries; leave it unset (the publisher sets true)");
        }
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

        Object acks = user.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !text(acks).equalsIgnoreCase("all") && !text(acks).equals("-1")) {
            throw new ProducerSettingException(ProducerConfig.ACKS_CONFIG, acks, "a record is acknowledged to the"
                    + " relay, which then confirms its LSN to the slot, only once every in-sync replica has it;"
                    + " with fewer, a broker failure can lose a record whose WAL is gone; leave it unset (the"
                    + " publisher sets all)");
        }
        settings.put(ProducerConfig.ACKS_CONFIG, "all");

        Object inFlight = user.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight != null) {
            int value = integer(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight);
            if (value < 1 || value > MAX_IN_FLIGHT) {
                throw new ProducerSettingException(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight,
                        "the idempotent producer keeps order only with 1 to " + MAX_IN_FLIGHT + " requests in flight"
                                + " per connection; leave it unset (Kafka's default is " + MAX_IN_FLIGHT + ")");
            }
        }

        maximal(user, ProducerConfig.RETRIES_CONFIG, "a record that fails while a later one of the same stream is"
                + " delivered would be published again after it, out of order; the producer retries until the"
                + " broker takes the record");
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        maximal(user, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "a broker outage longer than it would fail records"
                + " while later ones of the same stream may still be delivered, out of order; the publisher waits"
                + " (the relay reads nothing more meanwhile, and the slot keeps the WAL)");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);

        Object ignoreKeys = user.get(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG);
        if (ignoreKeys != null && !text(ignoreKeys).equalsIgnoreCase("false")) {
            throw new ProducerSettingException(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, ignoreKeys, "the key"
                    + " (the stream id) must choose the partition, or a stream's events land on several partitions"
                    + " and lose their order; leave it unset");
        }
        Object transactionalId = user.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        if (transactionalId != null) {
            throw new ProducerSettingException(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId, "the"
                    + " publisher sends outside Kafka transactions (delivery is at least once, with the event id in"
                    + " header 'id' to de-duplicate); leave it unset");
        }
        return settings;
    }

    private static void serializer(Map<String, ?> user, String property) {
        Object value = user.get(property);
        if (value == null || value == ByteArraySerializer.class
                || value.toString().trim().equals(ByteArraySerializer.class.getName())) {
            return;
        }
        throw new ProducerSettingException(property, value, "the publisher writes the key (the stream id, UTF-8)"
                + " and the value (its value format) itself, as bytes; leave it unset");
    }

    private static void maximal(Map<String, ?> user, String property, String why) {
        Object value = user.get(property);
        if (value != null && integer(property, value) != Integer.MAX_VALUE) {
            throw new ProducerSettingException(property, value, why + "; leave it unset (the publisher sets "
                    + Integer.MAX_VALUE + ")");
        }
    }

    private static int integer(String property, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException e) {
            throw new ProducerSettingException(property, value, "not an int");
        }
    }

    private static String text(Object value) {
        return value.toString().trim().toLowerCase(Locale.ROOT);
    }
}
