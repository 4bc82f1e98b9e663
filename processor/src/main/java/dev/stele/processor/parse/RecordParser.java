package dev.stele.processor.parse;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
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
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a record and the records nested in it into a {@link RecordModel}: each component's
 * {@link TypeMapping}, {@code @Default}, {@code @Alias} and {@code @StreamId}. Reports every problem
 * it finds on the component concerned and returns empty if there was any.
 */
public final class RecordParser {

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;
    private final Deque<TypeElement> enclosing = new ArrayDeque<>();
    private String codecPackage;
    /** How deep in collection type arguments the type being mapped is; there only type-use annotations count. */
    private int collectionDepth;

    public RecordParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
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
                            annotation(component, AnnotationNames.STREAM_ID).orElse(null), streamId.name(),
                            field.name());
                }
                streamId = field;
            }
            fields.add(field);
        }
        checkAliases(fields);
        enclosing.pop();
        collectionDepth = outerDepth;
        return new RecordModel(record, ClassName.get(record), List.copyOf(fields));
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
        Optional<DefaultValue> defaultValue = parseDefault(component, type);
        List<String> aliases = annotation(component, AnnotationNames.ALIAS)
                .map(alias -> mirrors.strings(alias, "value"))
                .orElse(List.of());
        boolean streamId = annotation(component, AnnotationNames.STREAM_ID).isPresent();
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        return new FieldModel(name, component, type, defaultValue, aliases, streamId);
    }

    private Optional<DefaultValue> parseDefault(RecordComponentElement component, TypeMapping type) {
        Optional<AnnotationMirror> annotation = annotation(component, AnnotationNames.DEFAULT);
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror mirror = annotation.get();
        String text = mirrors.string(mirror, "value");
        try {
            DefaultValueParser.Parsed parsed = DefaultValueParser.parse(text, type);
            if (!parsed.isValid()) {
                diagnostics.error(Message.DEFAULT_INVALID, component, mirror, Mirrors.explicitValue(mirror, "value"),
                        text, describe(type), parsed.problem());
                return Optional.empty();
            }
            return Optional.of(new DefaultValue(text, parsed.javaValue(), parsed.avroValue(), mirror,
                    Mirrors.explicitValue(mirror, "value")));
        } catch (DefaultValueParser.NotSupported e) {
            diagnostics.error(Message.DEFAULT_UNSUPPORTED, component, mirror, component.getSimpleName(),
                    describe(type));
            return Optional.empty();
        }
    }

    private void checkAliases(List<FieldModel> fields) {
        Set<String> names = fields.stream().map(FieldModel::name).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (FieldModel field : fields) {
            for (String alias : field.aliases()) {
                AnnotationMirror mirror = annotation(field.element(), AnnotationNames.ALIAS).orElse(null);
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
        boolean nullable = isNullable(component);
        if (isDeclared(type, "java.util.Optional")) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (arguments.size() != 1) {
                return unsupported(component, type);
            }
            TypeMapping value = map(arguments.get(0), component);
            return value == null ? null : new TypeMapping.Nullable(value, true, TypeName.get(type));
        }
        TypeMapping value = map(type, component);
        if (value == null || !nullable) {
            return value;
        }
        if (value.javaType().isPrimitive()) {
            diagnostics.error(Message.TYPE_UNSUPPORTED, component, component.getSimpleName(), "@Nullable " + type);
            return null;
        }
        return new TypeMapping.Nullable(value, false, value.javaType());
    }

    private boolean isNullable(RecordComponentElement component) {
        if (Mirrors.hasSimpleName(component.asType(), AnnotationNames.NULLABLE_SIMPLE_NAME)) {
            return true;
        }
        for (AnnotatedConstruct construct : declarations(component)) {
            if (Mirrors.hasSimpleName(construct, AnnotationNames.NULLABLE_SIMPLE_NAME)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The component and what javac derives from it (accessor, field): an annotation that does not
     * target record components lands on those instead.
     */
    private static List<Element> declarations(RecordComponentElement component) {
        List<Element> result = new ArrayList<>();
        result.add(component);
        if (component.getAccessor() != null) {
            result.add(component.getAccessor());
        }
        for (Element field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                result.add(field);
            }
        }
        return result;
    }

    private static Optional<AnnotationMirror> annotation(Element component, String qualifiedName) {
        if (component instanceof RecordComponentElement recordComponent) {
            for (Element declaration : declarations(recordComponent)) {
                Optional<AnnotationMirror> found = Mirrors.find(declaration, qualifiedName);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Mirrors.find(component.asType(), qualifiedName);
        }
        return Mirrors.find(component, qualifiedName);
    }

    /** Maps a type inside a component: the component's own type, a type argument, a typed id's value. */
    private TypeMapping map(TypeMirror type, RecordComponentElement component) {
        switch (type.getKind()) {
            case BOOLEAN:
                return new TypeMapping.Scalar(ScalarKind.BOOLEAN, TypeName.BOOLEAN);
            case INT:
                return new TypeMapping.Scalar(ScalarKind.INT, TypeName.INT);
            case LONG:
                return new TypeMapping.Scalar(ScalarKind.LONG, TypeName.LONG);
            case FLOAT:
                return new TypeMapping.Scalar(ScalarKind.FLOAT, TypeName.FLOAT);
            case DOUBLE:
                return new TypeMapping.Scalar(ScalarKind.DOUBLE, TypeName.DOUBLE);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    return new TypeMapping.Scalar(ScalarKind.BYTES, ArrayTypeName.of(TypeName.BYTE));
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
        ScalarKind scalar = scalarKind(name);
        if (scalar != null) {
            return new TypeMapping.Scalar(scalar, ClassName.get(element));
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

    private static ScalarKind scalarKind(String qualifiedName) {
        switch (qualifiedName) {
            case "java.lang.Boolean":
                return ScalarKind.BOOLEAN;
            case "java.lang.Integer":
                return ScalarKind.INT;
            case "java.lang.Long":
                return ScalarKind.LONG;
            case "java.lang.Float":
                return ScalarKind.FLOAT;
            case "java.lang.Double":
                return ScalarKind.DOUBLE;
            case "java.lang.String":
                return ScalarKind.STRING;
            case "java.time.Instant":
                return ScalarKind.INSTANT;
            case "java.time.LocalDate":
                return ScalarKind.LOCAL_DATE;
            case "java.time.LocalDateTime":
                return ScalarKind.LOCAL_DATE_TIME;
            case "java.util.UUID":
                return ScalarKind.UUID;
            default:
                return null;
        }
    }

    private TypeMapping decimal(DeclaredType type, RecordComponentElement component) {
        Optional<AnnotationMirror> annotation = Mirrors.find(type, AnnotationNames.DECIMAL);
        if (annotation.isEmpty() && collectionDepth == 0) {
            annotation = annotation(component, AnnotationNames.DECIMAL);
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
        return new TypeMapping.Decimal(precision, scale);
    }

    private TypeMapping sequence(DeclaredType type, RecordComponentElement component, boolean set) {
        if (type.getTypeArguments().size() != 1) {
            return unsupported(component, type);
        }
        collectionDepth++;
        TypeMapping element = map(type.getTypeArguments().get(0), component);
        collectionDepth--;
        if (element == null) {
            return null;
        }
        if (!checkElement(element, component)) {
            return null;
        }
        return new TypeMapping.Sequence(element, set, TypeName.get(type));
    }

    private TypeMapping stringMap(DeclaredType type, RecordComponentElement component) {
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.size() != 2 || !isDeclared(arguments.get(0), "java.lang.String")) {
            return unsupported(component, type);
        }
        collectionDepth++;
        TypeMapping value = map(arguments.get(1), component);
        collectionDepth--;
        if (value == null || !checkElement(value, component)) {
            return null;
        }
        return new TypeMapping.StringMap(value, TypeName.get(type));
    }

    /** A collection element takes at least one byte, so that a reader can bound a collection's size. */
    private boolean checkElement(TypeMapping element, RecordComponentElement component) {
        if (element instanceof TypeMapping.Nested nested && nested.record().fields().isEmpty()) {
            diagnostics.error(Message.EMPTY_RECORD_ELEMENT, component, nested.record().javaType());
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
        return new TypeMapping.Enumeration(ClassName.get(element), List.copyOf(symbols));
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
                    : new TypeMapping.Wrapper(ClassName.get(element), single.getAccessor().getSimpleName().toString(),
                            value);
        }
        int errorsBefore = diagnostics.errorCount();
        RecordModel nested = parseRecord(element);
        return diagnostics.errorCount() == errorsBefore ? new TypeMapping.Nested(nested) : null;
    }

    /** A typed id's one value: written as the id itself, so it cannot be optional. */
    private TypeMapping mapSingle(RecordComponentElement single) {
        if (isDeclared(single.asType(), "java.util.Optional") || isNullable(single)) {
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

    private static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** How diagnostics name a mapped type. */
    static String describe(TypeMapping type) {
        if (type instanceof TypeMapping.Decimal decimal) {
            return "BigDecimal(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        if (type instanceof TypeMapping.Nested nested) {
            return "record " + nested.record().simpleName();
        }
        TypeName name = type.javaType();
        return name instanceof ClassName className ? className.simpleName() : name.toString();
    }
}
