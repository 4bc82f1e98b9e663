package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.TypeName;
import dev.stele.processor.model.DefaultValue;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.TypeMapping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pieces of code the generators share: types, argument lists, locals, values. */
final class Code {

    private Code() {
    }

    /** The Java type of a mapped value, as generated code declares it. */
    static TypeName type(TypeMapping type) {
        return TypeName.get(type.javaType());
    }

    /** {@code a, b, c}, wrapping onto the next line where it would grow past the line length. */
    static CodeBlock list(List<CodeBlock> items) {
        return CodeBlock.join(items, ",$W");
    }

    /** {@link #list} of names. */
    static CodeBlock names(List<String> names) {
        return list(names.stream().map(name -> CodeBlock.of("$N", name)).toList());
    }

    /** Locals for one method, with the method's parameter names taken. */
    static NameAllocator locals(String... reserved) {
        NameAllocator locals = new NameAllocator();
        for (String name : reserved) {
            locals.newName(name, name);
        }
        return locals;
    }

    /**
     * A new name from {@code names}, like {@code suggestion} but unlike any taken. JavaPoet's one-argument
     * {@code newName} tags the name with a random UUID, whose first use in the compiler's fresh JVM sets up
     * {@code SecureRandom}: 30-45 ms of every build for a tag nobody looks up. Here the tag is a plain object.
     */
    static String fresh(NameAllocator names, String suggestion) {
        return names.newName(suggestion, new Object());
    }

    /** What a reader's local holds before the value is read: what the field is when the data lacks it. */
    static CodeBlock initialValue(TypeMapping type) {
        if (type instanceof TypeMapping.Nullable nullable && nullable.optional()) {
            return CodeBlock.of("$T.empty()", Names.OPTIONAL);
        }
        TypeName name = type(type);
        if (name.equals(TypeName.BOOLEAN)) {
            return CodeBlock.of("false");
        }
        return CodeBlock.of(name.isPrimitive() ? "0" : "null");
    }

    /** The field's {@code @Default} as a Java expression of the field's type. */
    static CodeBlock defaultValue(FieldModel field) {
        return value(field.type(), field.defaultValue().orElseThrow().literal());
    }

    /**
     * Whether the field's {@code @Default} is worth a constant rather than an expression in every read: a
     * parsed value ({@code Instant.parse}, {@code new BigDecimal}) or one wrapped in a typed id or an
     * {@code Optional}, all immutable. A literal, an enum constant or an empty collection costs nothing to
     * repeat; a {@code byte[]} is mutable, so each event gets its own.
     */
    static boolean defaultIsComputed(FieldModel field) {
        DefaultValue.Kind kind = field.defaultValue().orElseThrow().literal().kind();
        switch (kind) {
            case BYTES:
                return false;
            case INSTANT:
            case LOCAL_DATE:
            case LOCAL_DATE_TIME:
            case UUID:
            case DECIMAL:
                return true;
            default:
                return field.type() instanceof TypeMapping.Wrapper
                        || field.type() instanceof TypeMapping.Nullable nullable && nullable.optional();
        }
    }

    private static CodeBlock value(TypeMapping type, DefaultValue.Literal literal) {
        if (type instanceof TypeMapping.Nullable nullable) {
            CodeBlock value = value(nullable.value(), literal);
            return nullable.optional() ? CodeBlock.of("$T.of($L)", Names.OPTIONAL, value) : value;
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return CodeBlock.of("new $T($L)", ClassName.get(wrapper.element()), value(wrapper.value(), literal));
        }
        String text = literal.canonical();
        switch (literal.kind()) {
            case BOOLEAN:
            case INT:
            case DOUBLE:
                return CodeBlock.of("$L", text);
            case LONG:
                return CodeBlock.of("$LL", text);
            case FLOAT:
                return CodeBlock.of("$Lf", text);
            case STRING:
                return CodeBlock.of("$S", text);
            case INSTANT:
                return CodeBlock.of("$T.parse($S)", Instant.class, text);
            case LOCAL_DATE:
                return CodeBlock.of("$T.parse($S)", LocalDate.class, text);
            case LOCAL_DATE_TIME:
                return CodeBlock.of("$T.parse($S)", LocalDateTime.class, text);
            case UUID:
                return CodeBlock.of("$T.fromString($S)", UUID.class, text);
            case BYTES:
                return CodeBlock.of("$T.getDecoder().decode($S)", Base64.class, text);
            case DECIMAL:
                return CodeBlock.of("new $T($S)", BigDecimal.class, text);
            case ENUM_CONSTANT:
                return CodeBlock.of("$T.$N", ClassName.get(((TypeMapping.Enumeration) type).element()), text);
            case EMPTY_LIST:
                return CodeBlock.of("$T.of()", Names.LIST);
            case EMPTY_SET:
                return CodeBlock.of("$T.of()", Names.SET);
            case EMPTY_MAP:
                return CodeBlock.of("$T.of()", Map.class);
            default:
                throw new AssertionError(literal.kind());
        }
    }
}
