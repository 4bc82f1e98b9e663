package dev.stele.cdc;

import dev.stele.annotation.Operation;
import java.util.Objects;

/**
 * A change of a row mapped into the {@code @FromTable} record declared for its table and operation.
 *
 * @param operation what happened to the row
 * @param event the record, such as a {@code CustomerRegistered}
 * @param source where the change comes from
 */
public record RowChange(Operation operation, Object event, ChangeSource source) implements TableChange {

    public RowChange {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(source, "source");
    }

    /** The record as {@code type}, for a caller that knows it. */
    public <E> E event(Class<E> type) {
        return type.cast(event);
    }
}
