package dev.stele.store.internal;

/**
 * {@code stele_outbox}: a row per appended event with Debezium's Outbox Event Router default columns
 * ({@code id, aggregatetype, aggregateid, type, payload}), written in the append's transaction.
 */
final class OutboxTable {

    private final String table;

    OutboxTable(Tables tables) {
        this.table = tables.outbox;
    }

    /**
     * The outbox rows of an append, a fragment of {@link AppendStatement}: one per row of the CTE
     * {@code inserted}, which holds {@link EventsTable#insert}'s outbox columns. Parameters
     * {@code :category, :id}.
     */
    String insert(String inserted) {
        return "INSERT INTO " + table + " (id, aggregatetype, aggregateid, type, payload, event_version, recorded_at)"
                + " SELECT event_id, :category, :id, event_name, payload, event_version, recorded_at FROM " + inserted;
    }
}
