package dev.stele.replication.internal;

import dev.stele.annotation.Operation;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.ColumnRef;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A captured table as pgoutput's Relation message describes it, bound to the {@code @FromTable} records of its
 * operations: where each record's columns are in the tuples, and, checked once when the relation arrives, why a
 * record cannot be read from it (a column missing, or of a type the component cannot take).
 */
final class TableRelation {

    private final String table;
    private final List<PgOutputMessage.Relation.Column> columns;
    private final Map<Operation, Bound> bound = new EnumMap<>(Operation.class);

    /**
     * One record's mapping on this relation: its columns' positions and type OIDs (0 for a column the relation
     * lacks), or why it cannot be read.
     */
    record Bound(TableMapping<?> mapping, int[] positions, int[] typeOids, ChangeEventException mismatch) {
    }

    TableRelation(PgOutputMessage.Relation relation, Map<Operation, TableMapping<?>> mappings,
            Map<Integer, Boolean> userEnums) {
        this.table = relation.namespace() + "." + relation.name();
        this.columns = relation.columns();
        mappings.forEach((operation, mapping) -> bound.put(operation, bind(mapping, userEnums)));
    }

    String table() {
        return table;
    }

    /** The record of {@code operation} on this table, or null. */
    Bound bound(Operation operation) {
        return bound.get(operation);
    }

    List<PgOutputMessage.Relation.Column> columns() {
        return columns;
    }

    private Bound bind(TableMapping<?> mapping, Map<Integer, Boolean> userEnums) {
        List<MappedColumn> mapped = mapping.columns();
        int[] positions = new int[mapped.size()];
        int[] typeOids = new int[mapped.size()];
        ChangeEventException mismatch = null;
        for (int i = 0; i < positions.length; i++) {
            MappedColumn column = mapped.get(i);
            positions[i] = indexOf(column.column());
            String component = mapping.eventClass().getSimpleName() + "." + column.component();
            if (positions[i] < 0) {
                mismatch = mismatch != null ? mismatch : new ChangeEventException(new ColumnRef(table, column.column()),
                        Problem.MISSING, "the table has no column " + column.column() + "; was it renamed or dropped?"
                        + " Map the record to the table's columns with @Column").forComponent(component);
                continue;
            }
            int oid = columns.get(positions[i]).typeOid();
            typeOids[i] = oid;
            boolean userType = oid >= PgTypes.FIRST_USER_OID;
            if (!PgTypes.accepts(column.kind(), column.elementKind(), oid, userType && userEnums.getOrDefault(oid, true))
                    && mismatch == null) {
                mismatch = new ChangeEventException(new ColumnRef(table, column.column()), Problem.TYPE_MISMATCH,
                        "the column's type (oid " + oid + ") is not one a " + column.kind() + " component takes; it"
                        + " takes " + PgTypes.expected(column.kind())).forComponent(component);
            }
        }
        return new Bound(mapping, positions, typeOids, mismatch);
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
