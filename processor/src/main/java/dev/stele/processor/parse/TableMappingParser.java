package dev.stele.processor.parse;

import dev.stele.annotation.Operation;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.ColumnModel;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.ScalarKind;
import dev.stele.processor.model.TableMappingModel;
import dev.stele.processor.model.TypeMapping;
import dev.stele.spi.ColumnKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Turns a parsed {@code @FromTable} event into a {@link TableMappingModel}: the table and operations as its
 * annotation writes them, and for each component the column it reads and the {@link ColumnKind} it takes.
 * Reports a component whose type no column can carry, and an {@code approximate} that has no effect, and
 * returns empty then; what the names and operations mean is {@code TableMappingValidator}'s to check.
 */
public final class TableMappingParser {

    /** What each scalar takes from its column. */
    private static final Map<ScalarKind, ColumnKind> SCALARS = new EnumMap<>(Map.ofEntries(
            Map.entry(ScalarKind.BOOLEAN, ColumnKind.BOOLEAN),
            Map.entry(ScalarKind.INT, ColumnKind.INT),
            Map.entry(ScalarKind.LONG, ColumnKind.LONG),
            Map.entry(ScalarKind.FLOAT, ColumnKind.FLOAT),
            Map.entry(ScalarKind.DOUBLE, ColumnKind.DOUBLE),
            Map.entry(ScalarKind.STRING, ColumnKind.STRING),
            Map.entry(ScalarKind.INSTANT, ColumnKind.INSTANT),
            Map.entry(ScalarKind.LOCAL_DATE, ColumnKind.LOCAL_DATE),
            Map.entry(ScalarKind.LOCAL_DATE_TIME, ColumnKind.LOCAL_DATE_TIME),
            Map.entry(ScalarKind.UUID, ColumnKind.UUID),
            Map.entry(ScalarKind.BYTES, ColumnKind.BYTES)));

    /** The elements an array column brings as a {@code List}. */
    private static final Set<ScalarKind> LIST_ELEMENTS = EnumSet.of(ScalarKind.BOOLEAN, ScalarKind.INT,
            ScalarKind.LONG, ScalarKind.FLOAT, ScalarKind.DOUBLE, ScalarKind.STRING, ScalarKind.UUID);

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    public TableMappingParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    /** The mapping of {@code event}, which carries {@code @FromTable}; empty if a component cannot be mapped. */
    public Optional<TableMappingModel> parse(EventModel event) {
        AnnotationMirror annotation = Mirrors.find(event.element(), AnnotationNames.FROM_TABLE).orElseThrow();
        String written = mirrors.string(annotation, "table");
        String table = ColumnNames.table(written).orElse("");
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (AnnotationValue value : values(mirrors.value(annotation, "operations"))) {
            if (value.getValue() instanceof VariableElement constant) {
                operations.add(Operation.valueOf(constant.getSimpleName().toString()));
            }
        }
        int errorsBefore = diagnostics.errorCount();
        List<ColumnModel> columns = new ArrayList<>();
        for (FieldModel field : event.record().fields()) {
            column(field).ifPresent(columns::add);
        }
        if (diagnostics.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new TableMappingModel(event, written, table, operations, columns, annotation));
    }

    private static List<? extends AnnotationValue> values(AnnotationValue array) {
        if (array.getValue() instanceof List<?> list) {
            List<AnnotationValue> values = new ArrayList<>();
            for (Object item : list) {
                values.add((AnnotationValue) item);
            }
            return values;
        }
        return List.of(array);
    }

    private Optional<ColumnModel> column(FieldModel field) {
        RecordComponentElement component = (RecordComponentElement) field.element();
        Optional<AnnotationMirror> annotation = Components.annotation(component, AnnotationNames.COLUMN);
        String named = annotation.map(mirror -> mirrors.string(mirror, "value")).orElse("");
        String column = named.isEmpty() ? ColumnNames.snakeCase(field.name()) : named;
        if (ColumnNames.isIdentifier(column)) {
            column = ColumnNames.folded(column);
        }
        boolean approximate = annotation.map(mirror -> (Boolean) mirrors.value(mirror, "approximate").getValue())
                .orElse(false);

        TypeMapping type = field.type();
        ColumnModel.Presence presence = ColumnModel.Presence.REQUIRED;
        if (type instanceof TypeMapping.Nullable nullable) {
            presence = nullable.optional() ? ColumnModel.Presence.OPTIONAL : ColumnModel.Presence.NULLABLE;
            type = nullable.value();
        }
        List<TypeElement> typedIds = new ArrayList<>();
        while (type instanceof TypeMapping.Wrapper wrapper) {
            typedIds.add(wrapper.element());
            type = wrapper.value();
        }
        ColumnKind kind = null;
        ColumnKind elementKind = null;
        int precision = 0;
        int scale = 0;
        if (type instanceof TypeMapping.Scalar scalar) {
            kind = SCALARS.get(scalar.kind());
        } else if (type instanceof TypeMapping.Decimal decimal) {
            kind = ColumnKind.DECIMAL;
            precision = decimal.precision();
            scale = decimal.scale();
        } else if (type instanceof TypeMapping.Enumeration) {
            kind = ColumnKind.ENUM;
        } else if (type instanceof TypeMapping.Sequence sequence && !sequence.set() && typedIds.isEmpty()
                && sequence.element() instanceof TypeMapping.Scalar element
                && LIST_ELEMENTS.contains(element.kind())) {
            kind = ColumnKind.LIST;
            elementKind = SCALARS.get(element.kind());
        }
        if (kind == null) {
            diagnostics.error(Message.COLUMN_TYPE_UNSUPPORTED, component, field.name(),
                    TypeNames.describe(field.type()));
            return Optional.empty();
        }
        if (approximate && kind != ColumnKind.DECIMAL) {
            diagnostics.error(Message.COLUMN_APPROXIMATE_NOT_DECIMAL, component, annotation.get(),
                    Mirrors.explicitValue(annotation.get(), "approximate"), field.name(),
                    TypeNames.describe(field.type()));
            return Optional.empty();
        }
        return Optional.of(new ColumnModel(column, field.name(), kind, presence, Optional.ofNullable(elementKind),
                precision, scale, approximate, typedIds, type.javaType(), component, annotation));
    }
}
