package dev.stele.store;

/**
 * What an append writes, in its transaction, for the {@code dev.stele.relay.OutboxRelay} or Debezium's Outbox
 * Event Router to publish. The relay reads both forms at once, so a store can move from one to the other while
 * it runs.
 */
public enum OutboxMode {

    /** Nothing besides the events. */
    NONE,

    /**
     * A row per event in {@code stele_outbox} (the router's default columns, plus {@code event_version},
     * {@code recorded_at} and {@code metadata}), deleted again in the same transaction: the WAL keeps the insert
     * for the slot, and the table stays empty, so nothing needs purging.
     */
    TABLE,

    /**
     * No table: a transactional logical decoding message per event
     * ({@code pg_logical_emit_message(true, 'stele.outbox', …)}) holding the same columns as JSON. Cheaper to
     * write; Debezium delivers it as an {@code op: m} change, which its Outbox Event Router does not route.
     */
    MESSAGES
}
