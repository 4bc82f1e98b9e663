package dev.stele.replication;

import dev.stele.annotation.Operation;
import dev.stele.replication.internal.PgTypes;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code @FromTable} records against the database's catalog: each table exists, has each column a record
 * reads, of a type its component takes (a {@code numeric} no wider than the component's {@code @Decimal}), and a
 * delete record that reads more than the key has a table whose replica identity logs whole rows. The projection
 * runner does this on start for the records its projections handle; an application can call it itself.
 */
public final class TableMappingCheck {

    private static final String COLUMNS = "SELECT c.relreplident, a.attname, a.atttypid, a.atttypmod,"
            + " t.typtype = 'e' AS is_enum,"
            + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND a.attnum = ANY (i.indkey)"
            + "   AND CASE c.relreplident WHEN 'd' THEN i.indisprimary WHEN 'i' THEN i.indisreplident"
            + "   ELSE false END) AS is_key"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')";

    private TableMappingCheck() {
    }

    /**
     * Every problem of {@code mappings} against the database {@code connection} is on, one line each; empty if
     * none.
     */
    public static List<String> problems(Connection connection, List<? extends TableMapping<?>> mappings)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Table> tables = new HashMap<>();
        for (TableMapping<?> mapping : mappings) {
            Table table = tables.get(mapping.table());
            if (table == null) {
                table = Table.read(connection, mapping.table());
                tables.put(mapping.table(), table);
            }
            check(mapping, table, problems);
        }
        return problems;
    }

    /**
     * @throws TableMismatchException with every problem of {@code mappings}, if there is any
     */
    public static void verify(Connection connection, List<? extends TableMapping<?>> mappings) throws SQLException {
        List<String> problems = problems(connection, mappings);
        if (!problems.isEmpty()) {
            throw new TableMismatchException(problems);
        }
    }

    private static void check(TableMapping<?> mapping, Table table, List<String> problems) {
        String record = mapping.eventClass().getSimpleName();
        if (!table.exists) {
            problems.add("table " + mapping.table() + ", which " + record + " reads, does not exist (or is not a"
                    + " table); create it, or correct @FromTable(table = ...)");
            return;
        }
        for (MappedColumn column : mapping.columns()) {
            String where = mapping.table() + "." + column.column() + " (for " + record + "." + column.component() + ")";
            Column found = table.columns.get(column.column());
            if (found == null) {
                problems.add(where + ": no such column; was it renamed or dropped? Map the component to a column"
                        + " with @Column(\"...\")");
                continue;
            }
            if (!PgTypes.accepts(column.kind(), column.elementKind(), found.typeOid, found.isEnum)) {
                problems.add(where + ": the column's type (oid " + found.typeOid + ") is not one a " + column.kind()
                        + " component takes; it takes " + PgTypes.expected(column.kind()));
            } else if (column.kind() == ColumnKind.DECIMAL && found.typeMod >= 4) {
                int precision = (found.typeMod - 4) >> 16;
                int scale = (found.typeMod - 4) & 0xffff;
                if (scale > column.scale() || precision - scale > column.precision() - column.scale()) {
                    problems.add(where + ": the column is numeric(" + precision + "," + scale + "), which holds values"
                            + " a @Decimal(precision = " + column.precision() + ", scale = " + column.scale()
                            + ") cannot; widen the @Decimal");
                }
            }
            if (mapping.operations().contains(Operation.DELETE) && !column.optional() && !found.isKey
                    && table.replicaIdentity != 'f') {
                problems.add(where + ": a delete's old row holds only the replica identity's columns, and this one is"
                        + " not among them; run ALTER TABLE " + mapping.table() + " REPLICA IDENTITY FULL, or make the"
                        + " component Optional");
            }
        }
    }

    private record Column(int typeOid, int typeMod, boolean isEnum, boolean isKey) {
    }

    private static final class Table {
        boolean exists;
        char replicaIdentity;
        final Map<String, Column> columns = new HashMap<>();

        static Table read(Connection connection, String qualified) throws SQLException {
            int dot = qualified.indexOf('.');
            Table table = new Table();
            try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
                statement.setString(1, qualified.substring(0, dot));
                statement.setString(2, qualified.substring(dot + 1));
                try (ResultSet rows = statement.executeQuery()) {
                    Set<String> seen = new HashSet<>();
                    while (rows.next()) {
                        table.exists = true;
                        table.replicaIdentity = rows.getString(1).charAt(0);
                        String name = rows.getString(2);
                        if (name != null && seen.add(name)) {
                            table.columns.put(name, new Column((int) rows.getLong(3), rows.getInt(4),
                                    rows.getBoolean(5), rows.getBoolean(6)));
                        }
                    }
                }
            }
            return table;
        }
    }
}
