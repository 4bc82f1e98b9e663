package dev.stele.cdc;

import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a change comes from: its table and position in PostgreSQL's log, as Debezium's {@code source} block or
 * Stele's replication slot says them.
 *
 * @param table the table as {@code schema.table}, such as {@code public.customers}; empty text for a logical
 *     decoding message, which belongs to no table
 * @param lsn the change's log sequence number, when the source says it
 * @param transactionId the transaction's id, when the source says it
 * @param at when the change was made (Debezium's {@code source.ts_ms}: the commit time), when the source says it
 * @param snapshot whether the change was read by an initial snapshot rather than from the log
 */
public record ChangeSource(String table, Optional<Lsn> lsn, OptionalLong transactionId, Optional<Instant> at,
        boolean snapshot) {

    public ChangeSource {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lsn, "lsn");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(at, "at");
    }
}
