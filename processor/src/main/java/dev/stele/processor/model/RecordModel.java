package dev.stele.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * A record encoded as an object: an event, an aggregate's state, or a record nested in one.
 *
 * @param element where it was declared: its type, and for diagnostics and originating elements
 */
public record RecordModel(TypeElement element, List<FieldModel> fields) {

    public String simpleName() {
        return element.getSimpleName().toString();
    }

    /** {@code com.acme.Outer.Inner}: what tells two records apart. */
    public String qualifiedName() {
        return element.getQualifiedName().toString();
    }

    /** The fields of this record and of every record nested in it, each record once, in the order met. */
    public List<FieldModel> allFields() {
        List<FieldModel> result = new ArrayList<>();
        collect(this, new LinkedHashSet<>(), result);
        return result;
    }

    private static void collect(RecordModel record, Set<String> seen, List<FieldModel> result) {
        if (!seen.add(record.qualifiedName())) {
            return;
        }
        for (FieldModel field : record.fields()) {
            result.add(field);
            field.type().flattened()
                    .filter(TypeMapping.Nested.class::isInstance)
                    .forEach(nested -> collect(((TypeMapping.Nested) nested).record(), seen, result));
        }
    }

    /**
     * The {@code @Default} symbol of each enum that a field's own {@code @Default} applies to, by the enum's
     * qualified name. Avro keeps one default per enum, so the parser checked that they agree.
     */
    public Map<String, String> enumDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (FieldModel field : allFields()) {
            if (field.type().unwrapped() instanceof TypeMapping.Enumeration enumeration
                    && field.defaultValue().isPresent()) {
                defaults.put(enumeration.element().getQualifiedName().toString(),
                        field.defaultValue().get().literal().canonical());
            }
        }
        return defaults;
    }
}
