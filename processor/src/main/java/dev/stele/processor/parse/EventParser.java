package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.TypeMapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Turns an {@code @Event} element into an {@link EventModel}, or reports why it cannot be one and
 * returns empty. Checks what concerns the one event: it is a record, its name and version, its
 * components (through {@link RecordParser}), and the Avro names its nested types get.
 */
public final class EventParser {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final RecordParser records;

    public EventParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
        this.records = new RecordParser(mirrors, diagnostics);
    }

    /**
     * @throws Unresolved if a component refers to a type that is not generated yet
     */
    public Optional<EventModel> parse(TypeElement element) {
        AnnotationMirror annotation = Mirrors.find(element, AnnotationNames.EVENT).orElseThrow();
        if (element.getKind() != ElementKind.RECORD) {
            String kind = element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            diagnostics.error(Message.EVENT_NOT_RECORD, element, annotation, element.getSimpleName(),
                    ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind);
            return Optional.empty();
        }
        int errorsBefore = diagnostics.errorCount();
        String name = mirrors.string(annotation, "name");
        if (name.isEmpty()) {
            name = element.getSimpleName().toString();
        }
        if (!RecordParser.isAvroName(name)) {
            diagnostics.error(Message.EVENT_NAME_INVALID, element, annotation,
                    Mirrors.explicitValue(annotation, "name"), name);
        }
        int version = mirrors.integer(annotation, "version");
        if (version < 1) {
            diagnostics.error(Message.EVENT_VERSION_INVALID, element, annotation,
                    Mirrors.explicitValue(annotation, "version"), version);
        }
        if (!element.getTypeParameters().isEmpty()) {
            diagnostics.error(Message.TYPE_GENERIC, element, annotation, element.getQualifiedName());
        }
        String codecPackage = Access.packageOf(element);
        if (!Access.isAccessible(element, codecPackage)) {
            diagnostics.error(Message.TYPE_INACCESSIBLE, element, annotation, element.getQualifiedName(), codecPackage);
        }
        if (diagnostics.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        Optional<RecordModel> record = records.parse(element, codecPackage);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        EventModel event = new EventModel(name, version, record.get(), annotation);
        checkNamedTypes(event);
        checkEnumDefaults(event);
        return diagnostics.errorCount() == errorsBefore ? Optional.of(event) : Optional.empty();
    }

    /** Avro names nested records and enums by simple name, so one event cannot use two of the same name. */
    private void checkNamedTypes(EventModel event) {
        Map<String, String> seen = new HashMap<>();
        seen.put(event.javaType().simpleName(), event.javaType().canonicalName());
        walk(event.record(), type -> {
            String simple;
            String qualified;
            if (type instanceof TypeMapping.Nested nested) {
                simple = nested.record().simpleName();
                qualified = nested.record().javaType().canonicalName();
            } else if (type instanceof TypeMapping.Enumeration enumeration) {
                simple = enumeration.javaType().simpleName();
                qualified = enumeration.javaType().canonicalName();
            } else {
                return;
            }
            String known = seen.putIfAbsent(simple, qualified);
            if (known != null && !known.equals(qualified)) {
                diagnostics.error(Message.TYPE_NAME_CLASH, event.element(), event.annotation(), event.label(), simple,
                        known, qualified);
            }
        });
    }

    /**
     * An Avro enum has one default symbol, so every field of one enum type in an event needs the same
     * {@code @Default}, or none.
     */
    private void checkEnumDefaults(EventModel event) {
        Map<String, TreeSet<String>> defaults = new LinkedHashMap<>();
        collectEnumDefaults(event.record(), defaults);
        defaults.forEach((enumType, values) -> {
            if (values.size() > 1) {
                diagnostics.error(Message.ENUM_DEFAULT_CONFLICT, event.element(), event.annotation(), enumType,
                        String.join(", ", values));
            }
        });
    }

    private void collectEnumDefaults(RecordModel record, Map<String, TreeSet<String>> defaults) {
        for (FieldModel field : record.fields()) {
            TypeMapping direct = fieldEnum(field.type());
            walkType(field.type(), type -> {
                if (type instanceof TypeMapping.Enumeration enumeration) {
                    String value = type == direct && field.defaultValue().isPresent()
                            ? field.defaultValue().get().text() : "(none)";
                    defaults.computeIfAbsent(enumeration.javaType().canonicalName(), k -> new TreeSet<>()).add(value);
                } else if (type instanceof TypeMapping.Nested nested) {
                    collectEnumDefaults(nested.record(), defaults);
                }
            }, false);
        }
    }

    /** The enum a field's own {@code @Default} applies to: the field's type, unwrapped from optional or id. */
    static TypeMapping fieldEnum(TypeMapping type) {
        if (type instanceof TypeMapping.Nullable nullable) {
            return fieldEnum(nullable.value());
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return fieldEnum(wrapper.value());
        }
        return type instanceof TypeMapping.Enumeration ? type : null;
    }

    private static void walk(RecordModel record, java.util.function.Consumer<TypeMapping> visitor) {
        for (FieldModel field : record.fields()) {
            walkType(field.type(), visitor, true);
        }
    }

    private static void walkType(TypeMapping type, java.util.function.Consumer<TypeMapping> visitor,
            boolean intoRecords) {
        visitor.accept(type);
        if (type instanceof TypeMapping.Nullable nullable) {
            walkType(nullable.value(), visitor, intoRecords);
        } else if (type instanceof TypeMapping.Sequence sequence) {
            walkType(sequence.element(), visitor, intoRecords);
        } else if (type instanceof TypeMapping.StringMap map) {
            walkType(map.value(), visitor, intoRecords);
        } else if (type instanceof TypeMapping.Wrapper wrapper) {
            walkType(wrapper.value(), visitor, intoRecords);
        } else if (type instanceof TypeMapping.Nested nested && intoRecords) {
            walk(nested.record(), visitor);
        }
    }
}
