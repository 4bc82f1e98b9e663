package dev.stele.cdc;

import dev.stele.SteleException;
import dev.stele.projection.Lsn;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a change that cannot be turned into the Java value asked for: malformed, out of the target's
 * range, inexact, not there at all (Debezium's placeholder for an unchanged TOASTed value), missing from the
 * table, null where the component takes no null, or of a type the component cannot take. Names the table, the
 * column, the record and component it was read for when known, the change's log position when known, and
 * what to do.
 *
 * <p>It describes bad data or a table that no longer matches its record, not a bug, so it carries no stack
 * trace of its own.
 */
public final class ChangeEventException extends SteleException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem a value had. */
    public enum Problem {
        /** Not in the representation expected: bad base64, bad ISO text, a malformed {@code {scale, value}}. */
        MALFORMED,
        /** A well-formed value the target type cannot hold exactly. */
        OUT_OF_RANGE,
        /** An approximate value (a {@code double}) where an exact one is required. */
        INEXACT,
        /** Debezium's placeholder for a TOASTed value it did not receive ({@code REPLICA IDENTITY} too narrow). */
        UNAVAILABLE,
        /** The column is not in the change at all: renamed or dropped, or never there. */
        MISSING,
        /** The column is null, and the component takes no null (it is neither {@code Optional} nor {@code @Nullable}). */
        NULL,
        /** The column's type, as the change or the table says it, is not one the component can take. */
        TYPE_MISMATCH
    }

    private final String table;
    private final String column;
    private final Problem problem;
    private final String reason;
    private final String component;
    private final transient Lsn lsn;

    public ChangeEventException(ColumnRef column, Problem problem, String reason) {
        this(column.table(), column.column(), problem, reason, null, null);
    }

    private ChangeEventException(String table, String column, Problem problem, String reason, String component,
            Lsn lsn) {
        super(message(table, column, reason, component, lsn));
        this.table = table;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.component = component;
        this.lsn = lsn;
        setStackTrace(new StackTraceElement[0]);
    }

    private static String message(String table, String column, String reason, String component, Lsn lsn) {
        return "Column " + column + " of " + table + (component == null ? "" : " (for " + component + ")")
                + (lsn == null ? "" : " at " + lsn) + ": " + reason;
    }

    /** The same error at the log position of the change it was found in. */
    public ChangeEventException at(Lsn position) {
        return new ChangeEventException(table, column, problem, reason, component,
                Objects.requireNonNull(position, "position"));
    }

    /** The same error, naming the record component the column was read for, such as {@code CustomerRegistered.at}. */
    public ChangeEventException forComponent(String recordComponent) {
        return new ChangeEventException(table, column, problem, reason,
                Objects.requireNonNull(recordComponent, "recordComponent"), lsn);
    }

    /** The table, as Debezium names it, such as {@code public.customers}. */
    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public Problem problem() {
        return problem;
    }

    /** What was wrong and what to do, without table and column. */
    public String reason() {
        return reason;
    }

    /** The record component the column was read for, such as {@code CustomerRegistered.at}, when known. */
    public Optional<String> component() {
        return Optional.ofNullable(component);
    }

    /** Where the change is in PostgreSQL's log, when the caller said so with {@link #at(Lsn)}. */
    public Optional<Lsn> lsn() {
        return Optional.ofNullable(lsn);
    }
}
