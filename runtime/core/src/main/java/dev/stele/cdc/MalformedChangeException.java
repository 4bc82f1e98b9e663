package dev.stele.cdc;

import dev.stele.SteleException;
import java.util.Objects;
import java.util.Optional;

/**
 * A change event that is not one: not JSON, cut short, without the field its operation needs
 * ({@code after} of an insert), with an {@code op} Debezium does not write. Names where in the event the
 * problem is (a path such as {@code payload.op}), the table when it was read before the problem, and what was
 * found. Describes bad input, not a bug, so it carries no stack trace of its own.
 */
public final class MalformedChangeException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String table;

    public MalformedChangeException(String path, String table, String reason) {
        super("Change event" + (table == null || table.isEmpty() ? "" : " of " + table) + ", at " + path + ": "
                + reason);
        this.path = Objects.requireNonNull(path, "path");
        this.table = table == null || table.isEmpty() ? null : table;
        setStackTrace(new StackTraceElement[0]);
    }

    /** Where in the event, such as {@code payload.after} or {@code $} for the whole. */
    public String path() {
        return path;
    }

    /** The table, when the event said it before the problem was found. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }
}
