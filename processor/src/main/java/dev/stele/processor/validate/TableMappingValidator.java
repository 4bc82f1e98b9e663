package dev.stele.processor.validate;

import dev.stele.annotation.Operation;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.ColumnModel;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.TableMappingModel;
import dev.stele.processor.parse.ColumnNames;
import dev.stele.processor.parse.Mirrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks what the runtime relies on in a {@code @FromTable} record beyond its types: a table and columns
 * PostgreSQL can name, at least one operation, no row for a truncate, the latest version of its event; warns
 * of a delete reading a column its old row may not hold; and, for the module, one record per table and
 * operation.
 */
public final class TableMappingValidator {

    private final Diagnostics diagnostics;

    public TableMappingValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Whether the mapping passes every check; reports each failure, and warns of each delete column that may
     * be absent.
     *
     * @param latestVersions the latest version of each event name the compilation declares so far
     */
    public boolean validate(TableMappingModel mapping, Map<String, EventDeclaration> latestVersions) {
        int errorsBefore = diagnostics.errorCount();
        if (mapping.table().isEmpty()) {
            diagnostics.error(Message.TABLE_NAME_INVALID, mapping.element(), mapping.annotation(),
                    Mirrors.explicitValue(mapping.annotation(), "table"), mapping.tableAsWritten());
        }
        if (mapping.operations().isEmpty()) {
            diagnostics.error(Message.TABLE_OPERATIONS_EMPTY, mapping.element(), mapping.annotation(),
                    Mirrors.explicitValue(mapping.annotation(), "operations"), mapping.simpleName());
        }
        for (ColumnModel column : mapping.columns()) {
            if (!ColumnNames.isIdentifier(column.column())) {
                diagnostics.error(Message.COLUMN_NAME_INVALID, column.element(), column.annotation().orElse(null),
                        column.annotation().map(mirror -> Mirrors.explicitValue(mirror, "value")).orElse(null),
                        column.column(), column.component(),
                        column.annotation().isPresent() ? "" : "; name the column with @Column(\"...\")");
            }
        }
        if (mapping.operations().contains(Operation.TRUNCATE) && !mapping.columns().isEmpty()) {
            diagnostics.error(Message.TRUNCATE_WITH_COMPONENTS, mapping.element(), mapping.annotation(),
                    Mirrors.explicitValue(mapping.annotation(), "operations"), mapping.simpleName(),
                    mapping.columns().stream().map(ColumnModel::component).collect(Collectors.joining(", ")));
        }
        checkLatest(mapping, latestVersions);
        if (diagnostics.errorCount() != errorsBefore) {
            return false;
        }
        if (mapping.operations().contains(Operation.DELETE)) {
            warnOfDeleteColumns(mapping);
        }
        return true;
    }

    /** Reports the mapping if its event is not the latest version of its name. */
    public void checkLatest(TableMappingModel mapping, Map<String, EventDeclaration> latestVersions) {
        EventDeclaration latest = latestVersions.get(mapping.eventName());
        if (latest != null && mapping.event().version() < latest.version()) {
            diagnostics.error(Message.FROM_TABLE_OLDER_VERSION, mapping.element(), mapping.annotation(),
                    mapping.simpleName(), mapping.event().version(), mapping.eventName(), latest.simpleName(),
                    latest.version(), latest.simpleName());
        }
    }

    /**
     * A delete's old row holds only the key columns unless the table is {@code REPLICA IDENTITY FULL}: a
     * component that must have a value and does not look like a key may find none there.
     */
    private void warnOfDeleteColumns(TableMappingModel mapping) {
        Optional<String> streamId = mapping.event().streamIdField().map(FieldModel::name);
        for (ColumnModel column : mapping.columns()) {
            boolean key = column.column().equals("id") || column.column().endsWith("_id")
                    || streamId.filter(column.component()::equals).isPresent();
            if (!key && !column.optional()) {
                diagnostics.warning(Message.DELETE_COLUMN_NOT_KEY, column.element(), column.annotation().orElse(null),
                        null, column.component(), mapping.simpleName(), column.column(), mapping.table());
            }
        }
    }

    /**
     * Reports each mapping that claims a table and operation an earlier one of the list already claims, on its
     * {@code operations}, naming the first.
     *
     * @param mappings the module's mappings, sorted by qualified name
     */
    public void validateClaims(List<TableMappingModel> mappings) {
        Map<String, TableMappingModel> byClaim = new HashMap<>();
        for (TableMappingModel mapping : mappings) {
            if (mapping.table().isEmpty()) {
                continue; // reported as such
            }
            for (Operation operation : mapping.operations()) {
                TableMappingModel first = byClaim.putIfAbsent(mapping.table() + " " + operation, mapping);
                if (first != null) {
                    diagnostics.error(Message.TABLE_OPERATION_DUPLICATE, mapping.element(), mapping.annotation(),
                            Mirrors.explicitValue(mapping.annotation(), "operations"), operation, mapping.table(),
                            first.qualifiedName(), operation, first.simpleName(), mapping.simpleName());
                }
            }
        }
    }
}
