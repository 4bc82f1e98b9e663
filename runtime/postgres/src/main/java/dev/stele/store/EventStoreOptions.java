package dev.stele.store;

/**
 * Where the store keeps its tables and what an append writes besides the events.
 *
 * @param schema the PostgreSQL schema of the tables, created if missing
 * @param tablePrefix prefixed to every table: {@code stele_events}, {@code stele_streams}, ...
 * @param outbox whether each append also writes outbox rows (Debezium Outbox Event Router's default
 *     columns) in the same transaction
 */
public record EventStoreOptions(String schema, String tablePrefix, boolean outbox) {

    /** {@code public.stele_*}, with an outbox. */
    public static EventStoreOptions defaults() {
        return new EventStoreOptions("public", "stele_", true);
    }

    public EventStoreOptions withSchema(String schema) {
        return new EventStoreOptions(schema, tablePrefix, outbox);
    }

    public EventStoreOptions withTablePrefix(String prefix) {
        return new EventStoreOptions(schema, prefix, outbox);
    }

    public EventStoreOptions withOutbox(boolean enabled) {
        return new EventStoreOptions(schema, tablePrefix, enabled);
    }
}
