package dev.stele.store.internal;

import dev.stele.store.OutboxMode;

/**
 * What an append writes for the outbox relay, as fragments of {@link AppendStatement}: rows of
 * {@code stele_outbox} (Debezium's Outbox Event Router default columns {@code id, aggregatetype, aggregateid,
 * type, payload}, and {@code event_version, recorded_at, metadata}) deleted again in the append's transaction,
 * or a logical decoding message per event holding the same columns.
 */
public final class OutboxTable {

    /** The prefix of the outbox's logical decoding messages. */
    public static final String MESSAGE_PREFIX = "stele.outbox";

    private final String table;
    private final OutboxMode mode;

    OutboxTable(Tables tables, OutboxMode mode) {
        this.table = tables.outbox;
        this.mode = mode;
    }

    OutboxMode mode() {
        return mode;
    }

    /**
     * The CTE that writes the outbox of the rows of CTE {@code inserted}, which holds {@link EventsTable#insert}'s
     * outbox columns. Parameters {@code :category, :id}. A message CTE returns one row per message: the append's
     * final select must read it, or PostgreSQL never runs it.
     */
    String write(String inserted) {
        if (mode == OutboxMode.TABLE) {
            return "INSERT INTO " + table + " (id, aggregatetype, aggregateid, type, payload, event_version, recorded_at,"
                    + " metadata) SELECT event_id, :category, :id, event_name, payload, event_version, recorded_at,"
                    + " metadata FROM " + inserted;
        }
        // json_build_object prints the jsonb payload as the table's column prints it; messages follow the versions
        return "SELECT pg_logical_emit_message(true, '" + MESSAGE_PREFIX + "', json_build_object('id', event_id,"
                + " 'aggregatetype', :category, 'aggregateid', :id, 'type', event_name, 'event_version', event_version,"
                + " 'recorded_at', recorded_at, 'metadata', metadata, 'payload', payload)::text)"
                + " FROM (SELECT * FROM " + inserted + " ORDER BY stream_version) ordered";
    }

    /**
     * The statement after the append that deletes its outbox rows again (the WAL keeps the inserts for the
     * slot), or null when there are none. Parameter {@code :outbox_ids}, an array of the event ids.
     */
    String deleteWritten() {
        return mode == OutboxMode.TABLE ? "DELETE FROM " + table + " WHERE id = ANY(:outbox_ids::uuid[])" : null;
    }
}
