package dev.stele.kafka;

import dev.stele.SteleException;
import java.util.Objects;

/**
 * A producer property given to {@link KafkaPublisher#builder} that would break what the publisher promises the
 * relay (acknowledged means on every in-sync replica; per-key order kept, also across retries), or one it sets
 * itself. Names the property, the value given and why; the fix is to leave the property out.
 */
public final class ProducerSettingException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;

    ProducerSettingException(String property, Object value, String reason) {
        super("producer property '" + property + "' = '" + value + "' is refused by KafkaPublisher: " + reason);
        this.property = Objects.requireNonNull(property, "property");
        this.value = String.valueOf(value);
    }

    /** The producer property, such as {@code acks}. */
    public String property() {
        return property;
    }

    /** The value given, as text. */
    public String value() {
        return value;
    }
}
