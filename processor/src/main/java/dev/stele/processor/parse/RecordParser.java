package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.DefaultValue;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.ScalarKind;
import dev.stele.processor.model.TypeMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a record and the records nested in it into a {@link RecordModel}: each component's
 * {@link TypeMapping}, {@code @Default}, {@code @Alias} and {@code @StreamId}. Reports every problem
 * it finds on the component concerned and returns empty if there was any.
 */
public final class RecordParser {

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final DefaultValueParser defaults;
    private final Deque<TypeElement> enclosing = new ArrayDeque<>();
    private String codecPackage;
    /** How deep in collection type arguments the type being mapped is; there only type-use annotations count. */
    private int collectionDepth;

    public RecordParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
        this.defaults = new DefaultValueParser(mirrors, diagnostics);
    }

    /**
     * The model of {@code record}, whose codec is generated in {@code codecPackage}.
     *
     * @throws Unresolved if a component's type is not generated yet
     */
    public Optional<RecordModel> parse(TypeElement record, String codecPackage) {
        this.codecPackage = codecPackage;
        enclosing.clear();
        collectionDepth = 0;
        int errorsBefore = diagnostics.errorCount();
        RecordModel model = parseRecord(record);
        return diagnostics.errorCount() == errorsBefore ? Optional.of(model) : Optional.empty();
    }

    public static boolean isAvroName(String name) {
        return AVRO_NAME.matcher(name).matches();
    }

    private RecordModel parseRecord(TypeElement record) {
        int outerDepth = collectionDepth;
        collectionDepth = 0;
        enclosing.push(record);
        List<FieldModel> fields = new ArrayList<>();
        FieldModel streamId = null;
        for (RecordComponentElement component : record.getRecordComponents()) {
            FieldModel field = parseComponent(component);
            if (field == null) {
                continue;
            }
            if (field.streamId()) {
                if (streamId != null) {
                    diagnostics.error(Message.STREAM_ID_DUPLICATE, component,
                            Components.annotation(component, AnnotationNames.STREAM_ID).orElse(null),
                            streamId.name(), field.name());
                }
                streamId = field;
            }
            fields.add(field);
        }
        checkAliases(fields);
        enclosing.pop();
        collectionDepth = outerDepth;
        return new RecordModel(record, List.copyOf(fields));
    }

    private FieldModel parseComponent(RecordComponentElement component) {
        String name = component.getSimpleName().toString();
        if (!isAvroName(name)) {
            diagnostics.error(Message.NAME_INVALID, component, "component name", name);
            return null;
        }
        int errorsBefore = diagnostics.errorCount();
        TypeMapping type = mapTop(component);
        if (type == null) {
            return null;
        }
        Optional<DefaultValue> defaultValue = defaults.parse(component, type);
        List<String> aliases = Components.annotation(component, AnnotationNames.ALIAS)
                .map(alias -> mirrors.strings(alias, "value"))
                .orElse(List.of());
        Optional<AnnotationMirror> streamIdAnnotation = Components.annotation(component, AnnotationNames.STREAM_ID);
        FieldModel field = new FieldModel(name, component, type, defaultValue, aliases, streamIdAnnotation.isPresent());
        if (field.streamId() && field.streamIdPath().isEmpty()) {
            diagnostics.error(Message.STREAM_ID_TYPE, component, streamIdAnnotation.get(), name,
                    type.isOptional() ? "is optional" : "has type " + component.asType());
        }
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        return field;
    }

    private void checkAliases(List<FieldModel> fields) {
        Set<String> names = fields.stream().map(FieldModel::name).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (FieldModel field : fields) {
            for (String alias : field.aliases()) {
                AnnotationMirror mirror = Components.annotation(field.element(), AnnotationNames.ALIAS).orElse(null);
                if (!isAvroName(alias)) {
                    diagnostics.error(Message.ALIAS_INVALID, field.element(), mirror, alias, field.name(),
                            "is not a valid Avro name: use ASCII letters, digits and underscores");
                } else if (names.contains(alias)) {
                    diagnostics.error(Message.ALIAS_INVALID, field.element(), mirror, alias, field.name(),
                            "is the name of a component of the same record; a reader could not tell them apart");
                } else if (!seen.add(alias)) {
                    diagnostics.error(Message.ALIAS_INVALID, field.element(), mirror, alias, field.name(),
                            "is already an alias of another component");
                }
            }
        }
    }

    /** A component's type, where {@code Optional}, {@code @Nullable} and {@code @Decimal} may appear. */
    private TypeMapping mapTop(RecordComponentElement component) {
        TypeMirror type = component.asType();
        boolean nullable = Components.isNullable(component);
        if (Components.isDeclared(type, "java.util.Optional")) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (arguments.size() != 1) {
                return unsupported(component, type);
            }
            TypeMapping value = map(arguments.get(0), component);
            return value == null ? null : new TypeMapping.Nullable(value, true, type);
        }
        TypeMapping value = map(type, component);
        if (value == null || !nullable) {
            return value;
        }
        if (value.javaType().getKind().isPrimitive()) {
            diagnostics.error(Message.TYPE_UNSUPPORTED, component, component.getSimpleName(), "@Nullable " + type);
            return null;
        }
        return new TypeMapping.Nullable(value, false, value.javaType());
    }

    /** Maps a type inside a component: the component's own type, a type argument, a typed id's value. */
    private TypeMapping map(TypeMirror type, RecordComponentElement component) {
        switch (type.getKind()) {
            case BOOLEAN:
                return new TypeMapping.Scalar(ScalarKind.BOOLEAN, type);
            case INT:
                return new TypeMapping.Scalar(ScalarKind.INT, type);
            case LONG:
                return new TypeMapping.Scalar(ScalarKind.LONG, type);
            case FLOAT:
                return new TypeMapping.Scalar(ScalarKind.FLOAT, type);
            case DOUBLE:
                return new TypeMapping.Scalar(ScalarKind.DOUBLE, type);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    return new TypeMapping.Scalar(ScalarKind.BYTES, type);
                }
                return unsupported(component, type);
            case ERROR:
                throw new Unresolved(component, type.toString());
            case DECLARED:
                return mapDeclared((DeclaredType) type, component);
            default:
                return unsupported(component, type);
        }
    }

    private TypeMapping mapDeclared(DeclaredType type, RecordComponentElement component) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        Optional<ScalarKind> scalar = ScalarKind.ofClass(name);
        if (scalar.isPresent()) {
            return new TypeMapping.Scalar(scalar.get(), type);
        }
        switch (name) {
            case "java.math.BigDecimal":
                return decimal(type, component);
            case "java.util.List":
            case "java.util.Set":
                return sequence(type, component, name.equals("java.util.Set"));
            case "java.util.Map":
                return stringMap(type, component);
            default:
                break;
        }
        if (element.getKind() == ElementKind.ENUM) {
            return enumeration(element, component);
        }
        if (element.getKind() == ElementKind.RECORD) {
            return record(element, component);
        }
        return unsupported(component, type);
    }

    private TypeMapping decimal(DeclaredType type, RecordComponentElement component) {
        Optional<AnnotationMirror> annotation = Mirrors.find(type, AnnotationNames.DECIMAL);
        if (annotation.isEmpty() && collectionDepth == 0) {
            annotation = Components.annotation(component, AnnotationNames.DECIMAL);
        }
        if (annotation.isEmpty()) {
            diagnostics.error(Message.DECIMAL_MISSING, component, component.getSimpleName());
            return null;
        }
        AnnotationMirror mirror = annotation.get();
        int precision = mirrors.integer(mirror, "precision");
        int scale = mirrors.integer(mirror, "scale");
        if (precision < 1 || scale < 0 || scale > precision) {
            diagnostics.error(Message.DECIMAL_INVALID, component, mirror, precision, scale);
            return null;
        }
        return new TypeMapping.Decimal(precision, scale, type);
    }

    private TypeMapping sequence(DeclaredType type, RecordComponentElement component, boolean set) {
        if (type.getTypeArguments().size() != 1) {
            return unsupported(component, type);
        }
        collectionDepth++;
        TypeMapping element = map(type.getTypeArguments().get(0), component);
        collectionDepth--;
        if (element == null || !checkElement(element, component)) {
            return null;
        }
        return new TypeMapping.Sequence(element, set, type);
    }

    private TypeMapping stringMap(DeclaredType type, RecordComponentElement component) {
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.size() != 2 || !Components.isDeclared(arguments.get(0), "java.lang.String")) {
            return unsupported(component, type);
        }
        collectionDepth++;
        TypeMapping value = map(arguments.get(1), component);
        collectionDepth--;
        if (value == null || !checkElement(value, component)) {
            return null;
        }
        return new TypeMapping.StringMap(value, type);
    }

    /** A collection element takes at least one byte, so that a reader can bound a collection's size. */
    private boolean checkElement(TypeMapping element, RecordComponentElement component) {
        if (element instanceof TypeMapping.Nested nested && nested.record().fields().isEmpty()) {
            diagnostics.error(Message.EMPTY_RECORD_ELEMENT, component, nested.record().qualifiedName());
            return false;
        }
        return true;
    }

    private TypeMapping enumeration(TypeElement element, RecordComponentElement component) {
        if (!accessible(element, component)) {
            return null;
        }
        List<String> symbols = new ArrayList<>();
        for (Element enclosed : element.getEnclosedElements()) {
            if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
                String symbol = enclosed.getSimpleName().toString();
                if (!isAvroName(symbol)) {
                    diagnostics.error(Message.NAME_INVALID, component, "enum constant", symbol);
                    return null;
                }
                symbols.add(symbol);
            }
        }
        return new TypeMapping.Enumeration(element, List.copyOf(symbols));
    }

    private TypeMapping record(TypeElement element, RecordComponentElement component) {
        if (!element.getTypeParameters().isEmpty()) {
            diagnostics.error(Message.TYPE_GENERIC, component, element.getQualifiedName());
            return null;
        }
        if (!accessible(element, component)) {
            return null;
        }
        if (enclosing.contains(element)) {
            diagnostics.error(Message.RECORD_RECURSIVE, component, element.getQualifiedName(),
                    "component '" + component.getSimpleName() + "'");
            return null;
        }
        List<? extends RecordComponentElement> components = element.getRecordComponents();
        if (components.size() == 1) {
            RecordComponentElement single = components.get(0);
            int outerDepth = collectionDepth;
            collectionDepth = 0;
            enclosing.push(element);
            TypeMapping value = mapSingle(single);
            enclosing.pop();
            collectionDepth = outerDepth;
            return value == null ? null
                    : new TypeMapping.Wrapper(element, single.getAccessor().getSimpleName().toString(), value);
        }
        int errorsBefore = diagnostics.errorCount();
        RecordModel nested = parseRecord(element);
        return diagnostics.errorCount() == errorsBefore ? new TypeMapping.Nested(nested) : null;
    }

    /** A typed id's one value: written as the id itself, so it cannot be optional. */
    private TypeMapping mapSingle(RecordComponentElement single) {
        if (Components.isDeclared(single.asType(), "java.util.Optional") || Components.isNullable(single)) {
            return unsupported(single, single.asType());
        }
        return map(single.asType(), single);
    }

    private boolean accessible(TypeElement element, RecordComponentElement component) {
        if (Access.isAccessible(element, codecPackage)) {
            return true;
        }
        diagnostics.error(Message.TYPE_INACCESSIBLE, component, element.getQualifiedName(), codecPackage);
        return false;
    }

    private TypeMapping unsupported(RecordComponentElement component, TypeMirror type) {
        diagnostics.error(Message.TYPE_UNSUPPORTED, component, component.getSimpleName(), type);
        return null;
    }
}
