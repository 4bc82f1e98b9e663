package dev.stele.cdc;

import dev.stele.SteleException;
import dev.stele.projection.Lsn;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of a change event that cannot be turned into the Java value asked for: malformed, out of the
 * target's range, inexact, or not there at all (Debezium's placeholder for an unchanged TOASTed value).
 * Names the table, the column, the change's log position when known, and what to do.
 *
 * <p>It describes bad data, not a bug, so it carries no stack trace of its own.
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
        UNAVAILABLE
    }

    private final String table;
    private final String column;
    private final Problem problem;
    private final String reason;
    private final transient Lsn lsn;

    public ChangeEventException(ColumnRef column, Problem problem, String reason) {
        this(column.table(), column.column(), problem, reason, null);
    }

    private ChangeEventException(String table, String column, Problem problem, String reason, Lsn lsn) {
        super(message(table, column, reason, lsn));
        this.table = table;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lsn = lsn;
        setStackTrace(new StackTraceElement[0]);
    }

    private static String message(String table, String column, String reason, Lsn lsn) {
        return "Column " + column + " of " + table + (lsn == null ? "" : " at " + lsn) + ": " + reason;
    }

    /** The same error at the log position of the change it was found in. */
    public ChangeEventException at(Lsn position) {
        return new ChangeEventException(table, column, problem, reason, Objects.requireNonNull(position, "position"));
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

    /** Where the change is in PostgreSQL's log, when the caller said so with {@link #at(Lsn)}. */
    public Optional<Lsn> lsn() {
        return Optional.ofNullable(lsn);
    }
}
