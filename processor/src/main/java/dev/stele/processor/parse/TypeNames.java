package dev.stele.processor.parse;

import dev.stele.processor.model.TypeMapping;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** How diagnostics name a mapped type: as its source spells it, without the annotations on it. */
final class TypeNames {

    private TypeNames() {
    }

    /**
     * {@code Instant}, {@code int}, {@code BigDecimal(12, 2)}, {@code record Address},
     * {@code java.util.List<java.lang.String>}.
     */
    static String describe(TypeMapping type) {
        if (type instanceof TypeMapping.Decimal decimal) {
            return "BigDecimal(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        if (type instanceof TypeMapping.Nested nested) {
            return "record " + nested.record().simpleName();
        }
        TypeMirror mirror = type.javaType();
        if (mirror instanceof DeclaredType declared && declared.getTypeArguments().isEmpty()) {
            return declared.asElement().getSimpleName().toString();
        }
        return spell(mirror);
    }

    private static String spell(TypeMirror type) {
        if (type instanceof DeclaredType declared) {
            String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.isEmpty() ? name
                    : name + arguments.stream().map(TypeNames::spell).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof ArrayType array) {
            return spell(array.getComponentType()) + "[]";
        }
        if (type.getKind().isPrimitive()) {
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        return type.toString();
    }
}
