package dev.stele.kafka;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.cdc.OutboxRouterRecords.ValueSchemas;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The properties {@link OutboxEventDeserializer} and {@link OutboxEventSerializer} read from the consumer's or
 * producer's configuration when Kafka creates them from their class name. Every one is optional.
 *
 * <pre>{@code
 * props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, OutboxEventDeserializer.class);
 * props.put(OutboxConfig.CATALOG, catalog);                         // default: Catalog.load()
 * props.put(OutboxConfig.EVENT_NAME_HEADER, "eventType");           // the router's placement type:header:<name>
 * props.put(OutboxConfig.EVENT_VERSION_HEADER, "eventVersion");     // event_version:header:<name>
 * }</pre>
 */
public final class OutboxConfig {

    /**
     * {@value}: the {@link Catalog} instance to read and write events with (a Kafka configuration map may hold
     * objects); absent, {@link Catalog#load()}: every generated catalog on the class path.
     */
    public static final String CATALOG = "stele.outbox.catalog";
    /** {@value}: the header of the event name; default {@value OutboxRouterRecords#DEFAULT_EVENT_NAME_HEADER}. */
    public static final String EVENT_NAME_HEADER = "stele.outbox.header.event.name";
    /** {@value}: the header of the stored version; default {@value OutboxRouterRecords#DEFAULT_EVENT_VERSION_HEADER}. */
    public static final String EVENT_VERSION_HEADER = "stele.outbox.header.event.version";
    /**
     * {@value}: the header of the stream category, read when present; default
     * {@value OutboxRouterRecords#DEFAULT_AGGREGATE_TYPE_HEADER}. The deserializer only.
     */
    public static final String AGGREGATE_TYPE_HEADER = "stele.outbox.header.aggregate.type";
    /**
     * {@value}: whether values are inside JsonConverter's schema envelope, {@code detect} (the default),
     * {@code present} or {@code absent} ({@link ValueSchemas}). The deserializer only.
     */
    public static final String VALUE_SCHEMAS = "stele.outbox.value.schemas";

    private OutboxConfig() {
    }

    static Catalog catalog(Map<String, ?> configs) {
        Object value = configs.get(CATALOG);
        if (value == null) {
            return Catalog.load();
        }
        if (value instanceof Catalog catalog) {
            return catalog;
        }
        throw new ConfigException(CATALOG, value, "must be a dev.stele.catalog.Catalog instance, or absent for"
                + " Catalog.load()");
    }

    static String header(Map<String, ?> configs, String property, String defaultName) {
        Object value = configs.get(property);
        if (value == null) {
            return defaultName;
        }
        if (!(value instanceof String name) || name.isBlank() || name.equals(OutboxRouterRecords.ID_HEADER)) {
            throw new ConfigException(property, value, "must be a header name other than '"
                    + OutboxRouterRecords.ID_HEADER + "' (the router's header of the event id)");
        }
        return name;
    }

    static ValueSchemas valueSchemas(Map<String, ?> configs) {
        Object value = configs.get(VALUE_SCHEMAS);
        if (value == null) {
            return ValueSchemas.DETECT;
        }
        if (value instanceof ValueSchemas schemas) {
            return schemas;
        }
        try {
            return ValueSchemas.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(VALUE_SCHEMAS, value, "must be detect, present or absent");
        }
    }

    static void requireValueSide(boolean isKey, Class<?> type, String keyType) {
        if (isKey) {
            throw new ConfigException(type.getSimpleName() + " is for record values; the key of an outbox record is"
                    + " the stream (aggregate) id: use " + keyType);
        }
    }
}
