package dev.stele.processor.model;

import dev.stele.annotation.Operation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @FromTable} record: the table and operations whose changes it stands for, and the column each of
 * its components reads.
 *
 * @param event the {@code @Event} record
 * @param tableAsWritten the {@code table} value as written, for diagnostics
 * @param table {@code schema.table} in lower case, {@code public} if no schema is written; empty if
 *     {@code tableAsWritten} names no table (the validator reports it)
 * @param operations the operations, in the enum's order; may be empty (reported by the validator)
 * @param columns one per component, in component order
 * @param annotation the {@code @FromTable} mirror, for diagnostics
 */
public record TableMappingModel(EventModel event, String tableAsWritten, String table, Set<Operation> operations,
        List<ColumnModel> columns, AnnotationMirror annotation) {

    public TableMappingModel {
        operations = operations.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(operations));
        columns = List.copyOf(columns);
    }

    public TypeElement element() {
        return event.element();
    }

    public String qualifiedName() {
        return element().getQualifiedName().toString();
    }

    public String simpleName() {
        return element().getSimpleName().toString();
    }

    /** The record's event name. */
    public String eventName() {
        return event.name();
    }
}
