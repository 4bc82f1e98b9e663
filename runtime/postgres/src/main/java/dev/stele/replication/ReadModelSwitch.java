package dev.stele.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What else happens in the transaction that makes a projection's version current: the one step of a blue/green
 * rebuild. Whatever it does commits with the new current version, or not at all; readers see the old version
 * or the new one, never a mix.
 *
 * <pre>{@code
 * ProjectionRunner.builder(store, replication)
 *         .projection(new OrderTotalsV1())            // version 1 keeps serving while version 2 catches up
 *         .projection(new OrderTotals())              // version 2 writes order_totals_v2
 *         .readModelSwitch("order-totals", ReadModelSwitch.views("order_totals"))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface ReadModelSwitch {

    /** Nothing else happens: readers ask {@link ProjectionRunner#currentVersion} which tables to read. */
    ReadModelSwitch NONE = (connection, version) -> {
    };

    /**
     * Called in the switch's transaction, through {@code connection} (do not commit it), when {@code version}
     * becomes current.
     */
    void switchTo(Connection connection, int version) throws SQLException;

    /**
     * Points each view at the current version's table: view {@code order_totals} becomes
     * {@code SELECT * FROM order_totals_v2} when version 2 becomes current. Each version's tables are named
     * {@code <view>_v<version>}, version 1's too; readers read the views. Names are lower-case SQL identifiers,
     * optionally with a schema ({@code app.order_totals}).
     *
     * @throws IllegalArgumentException if a name is not such an identifier
     */
    static ReadModelSwitch views(String... views) {
        Pattern identifier = Pattern.compile("([a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*");
        for (String view : views) {
            if (!identifier.matcher(view).matches()) {
                throw new IllegalArgumentException("view name '" + view + "' is not a lower-case SQL identifier"
                        + " (letters, digits, underscores; optionally schema.view)");
            }
        }
        List<String> names = List.of(views);
        return (connection, version) -> {
            for (String view : names) {
                String table = view + "_v" + version;
                try (Statement statement = connection.createStatement()) {
                    String kind = relationKind(statement, view);
                    if (kind != null && !kind.equals("v")) {
                        throw new SQLException(view + " is a table, not a view, so it cannot be pointed at " + table
                                + ": rename it to " + view + "_v1 (the version that wrote it) and let the switch make"
                                + " the view; see docs/operations.md, Rebuilding a projection");
                    }
                    if (relationKind(statement, table) == null) {
                        throw new SQLException("version " + version + " is to become current, but its table " + table
                                + " does not exist: the view " + view + " would have nothing to show");
                    }
                    statement.execute("DROP VIEW IF EXISTS " + view);
                    statement.execute("CREATE VIEW " + view + " AS SELECT * FROM " + table);
                }
            }
        };
    }

    private static String relationKind(Statement statement, String name) throws SQLException {
        // checked above: an identifier, so it can be quoted as a literal as it is
        try (ResultSet rows = statement.executeQuery("SELECT relkind::text FROM pg_class WHERE oid = to_regclass('"
                + name + "')")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
