package dev.stele.replication;

import java.util.List;

/**
 * The tables {@code @FromTable} records read do not match them: each problem names the table, the column, the
 * record's component and what to do. Raised before any change is read, with every problem at once.
 */
public final class TableMismatchException extends ReplicationException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public TableMismatchException(List<String> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " with the tables @FromTable records"
                + " read:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
