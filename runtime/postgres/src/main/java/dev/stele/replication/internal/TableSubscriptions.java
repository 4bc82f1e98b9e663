package dev.stele.replication.internal;

import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.spi.TableMapping;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code @FromTable} records a runner's projections handle, and so the tables and operations it publishes. */
public final class TableSubscriptions {

    private TableSubscriptions() {
    }

    /** The mappings of {@code catalog} whose event at least one of {@code runs} handles. */
    public static List<TableMapping<?>> mappings(Catalog catalog, List<ProjectionRun<?>> runs) {
        List<TableMapping<?>> mappings = new ArrayList<>();
        for (TableMapping<?> mapping : catalog.tableMappings()) {
            if (runs.stream().anyMatch(run -> run.handles(mapping.eventName()))) {
                mappings.add(mapping);
            }
        }
        return mappings;
    }

    /** The tables of {@code mappings}, as {@code schema.table}, sorted. */
    public static Set<String> tables(List<TableMapping<?>> mappings) {
        Set<String> tables = new TreeSet<>();
        mappings.forEach(mapping -> tables.add(mapping.table()));
        return tables;
    }

    /** What the publication must publish: inserts for the events table, and each operation a record stands for. */
    public static Set<Operation> operations(List<TableMapping<?>> mappings) {
        Set<Operation> operations = EnumSet.of(Operation.INSERT);
        mappings.forEach(mapping -> operations.addAll(mapping.operations()));
        operations.remove(Operation.SNAPSHOT); // a snapshot is a read, not something the log publishes
        return operations;
    }
}
