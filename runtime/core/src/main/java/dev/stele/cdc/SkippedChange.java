package dev.stele.cdc;

import dev.stele.annotation.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * A change nothing was mapped from, and why: by rule, never by accident.
 *
 * @param reason why
 * @param operation the change's operation, when it has one (a tombstone has none)
 * @param source where it comes from; a tombstone's is unknown (empty table, no position)
 */
public record SkippedChange(Reason reason, Optional<Operation> operation, ChangeSource source) implements TableChange {

    /** Why a change was skipped. */
    public enum Reason {
        /**
         * Kafka's tombstone (a null value), which Debezium writes after a delete so that log compaction can drop
         * the key; the delete itself came just before it.
         */
        TOMBSTONE,
        /** No {@code @FromTable} record is declared for the change's table and operation. */
        NOT_MAPPED
    }

    public SkippedChange {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(source, "source");
    }
}
