package dev.stele.cdc;

/**
 * What one change event turns into: a {@link RowChange} carrying the typed record, a {@link LogicalMessage}
 * handed on as it came, or a {@link SkippedChange} saying why nothing was mapped. Nothing is dropped without
 * one of these saying so.
 */
public sealed interface TableChange permits RowChange, LogicalMessage, SkippedChange {

    /** Where the change comes from. */
    ChangeSource source();
}
