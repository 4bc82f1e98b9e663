package dev.stele.cdc.internal;

import dev.stele.annotation.Operation;
import dev.stele.spi.TableMapping;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code @FromTable} mappings by table and operation: at most one record per pair. */
public final class MappingIndex {

    private final Map<String, EnumMap<Operation, TableMapping<?>>> byTable = new HashMap<>();
    private final Map<TableMapping<?>, MappingPlan> plans = new java.util.IdentityHashMap<>();

    /**
     * @throws IllegalArgumentException if two mappings claim one table and operation (each module's processor
     *     refuses it; two modules on one class path can still do it)
     */
    public MappingIndex(List<? extends TableMapping<?>> mappings) {
        for (TableMapping<?> mapping : mappings) {
            EnumMap<Operation, TableMapping<?>> byOperation =
                    byTable.computeIfAbsent(mapping.table(), table -> new EnumMap<>(Operation.class));
            plans.put(mapping, MappingPlan.of(mapping));
            for (Operation operation : mapping.operations()) {
                TableMapping<?> other = byOperation.putIfAbsent(operation, mapping);
                if (other != null) {
                    throw new IllegalArgumentException(mapping.eventClass().getName() + " and "
                            + other.eventClass().getName() + " both map " + operation + " of " + mapping.table()
                            + "; keep one record per table and operation");
                }
            }
        }
    }

    /**
     * Checks that no two of {@code mappings} claim one table and operation.
     *
     * @throws IllegalArgumentException naming both records, if two do
     */
    public static void checkClaims(List<? extends TableMapping<?>> mappings) {
        new MappingIndex(mappings);
    }

    /** The mapping of {@code operation} on {@code table}, or null. */
    public TableMapping<?> find(String table, Operation operation) {
        EnumMap<Operation, TableMapping<?>> byOperation = byTable.get(table);
        return byOperation == null ? null : byOperation.get(operation);
    }

    /** The plan of a mapping {@link #find} returned. */
    MappingPlan plan(TableMapping<?> mapping) {
        return plans.get(mapping);
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }
}
