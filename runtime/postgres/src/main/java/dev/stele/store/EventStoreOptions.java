package dev.stele.store;

import java.util.Objects;

/**
 * Where the store keeps its tables and what an append writes besides the events.
 *
 * @param schema the PostgreSQL schema of the tables, created if missing
 * @param tablePrefix prefixed to every table: {@code stele_events}, {@code stele_streams}, ...
 * @param outboxMode what each append writes for the outbox relay in the same transaction: rows of
 *     {@code stele_outbox} deleted again at once (the default), logical decoding messages, or nothing
 */
public record EventStoreOptions(String schema, String tablePrefix, OutboxMode outboxMode) {

    public EventStoreOptions {
        Objects.requireNonNull(outboxMode, "outboxMode");
    }

    /** {@code public.stele_*}, with the outbox table. */
    public static EventStoreOptions defaults() {
        return new EventStoreOptions("public", "stele_", OutboxMode.TABLE);
    }

    /** Whether an append writes anything for the outbox. */
    public boolean outbox() {
        return outboxMode != OutboxMode.NONE;
    }

    public EventStoreOptions withSchema(String schema) {
        return new EventStoreOptions(schema, tablePrefix, outboxMode);
    }

    public EventStoreOptions withTablePrefix(String prefix) {
        return new EventStoreOptions(schema, prefix, outboxMode);
    }

    /** With the outbox table ({@link OutboxMode#TABLE}) or without any outbox ({@link OutboxMode#NONE}). */
    public EventStoreOptions withOutbox(boolean enabled) {
        return withOutbox(enabled ? OutboxMode.TABLE : OutboxMode.NONE);
    }

    public EventStoreOptions withOutbox(OutboxMode mode) {
        return new EventStoreOptions(schema, tablePrefix, mode);
    }
}
