package dev.stele.processor.validate;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.TypeMapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Checks what Avro asks of a whole record model, beyond each component on its own: nested types named
 * apart, and one default per enum.
 */
public final class RecordValidator {

    private final Diagnostics diagnostics;

    public RecordValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether the event passes every check; reports each failure. */
    public boolean validate(EventModel event) {
        int errorsBefore = diagnostics.errorCount();
        checkNamedTypes(event);
        checkEnumDefaults(event.record(), event.element(), event.annotation());
        return diagnostics.errorCount() == errorsBefore;
    }

    /**
     * Whether an aggregate's state passes: its schema, of which a snapshot's fingerprint is taken, keeps one
     * default per enum as an event's does.
     */
    public boolean validateState(RecordModel state, AnnotationMirror annotation) {
        int errorsBefore = diagnostics.errorCount();
        checkEnumDefaults(state, state.element(), annotation);
        return diagnostics.errorCount() == errorsBefore;
    }

    /** Avro names nested records and enums by simple name, so one event cannot use two of the same name. */
    private void checkNamedTypes(EventModel event) {
        Map<String, String> seen = new HashMap<>();
        seen.put(event.record().simpleName(), event.record().qualifiedName());
        for (FieldModel field : event.record().allFields()) {
            field.type().flattened().forEach(type -> {
                String simple;
                String qualified;
                if (type instanceof TypeMapping.Nested nested) {
                    simple = nested.record().simpleName();
                    qualified = nested.record().qualifiedName();
                } else if (type instanceof TypeMapping.Enumeration enumeration) {
                    simple = enumeration.element().getSimpleName().toString();
                    qualified = enumeration.element().getQualifiedName().toString();
                } else {
                    return;
                }
                String known = seen.putIfAbsent(simple, qualified);
                if (known != null && !known.equals(qualified)) {
                    diagnostics.error(Message.TYPE_NAME_CLASH, event.element(), event.annotation(), event.label(),
                            simple, known, qualified);
                }
            });
        }
    }

    /**
     * An Avro enum has one default symbol, so every use of one enum type in a record needs the same
     * {@code @Default}, or none; a collection's element or a map's value has none.
     */
    private void checkEnumDefaults(RecordModel record, Element element, AnnotationMirror annotation) {
        Map<String, TreeSet<String>> defaults = new LinkedHashMap<>();
        for (FieldModel field : record.allFields()) {
            TypeMapping direct = field.type().unwrapped();
            field.type().flattened().forEach(type -> {
                if (type instanceof TypeMapping.Enumeration enumeration) {
                    String value = type == direct && field.defaultValue().isPresent()
                            ? field.defaultValue().get().literal().canonical() : "(none)";
                    defaults.computeIfAbsent(enumeration.element().getQualifiedName().toString(),
                            key -> new TreeSet<>()).add(value);
                }
            });
        }
        defaults.forEach((enumType, values) -> {
            if (values.size() > 1) {
                diagnostics.error(Message.ENUM_DEFAULT_CONFLICT, element, annotation, enumType,
                        String.join(", ", values));
            }
        });
    }
}
