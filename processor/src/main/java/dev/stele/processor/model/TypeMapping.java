package dev.stele.processor.model;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.List;

/** How one Java type is encoded. The processor's whole type system: anything else is a compile error. */
public sealed interface TypeMapping {

    /** The Java type as generated code spells it. */
    TypeName javaType();

    /** Whether Java's {@code null} is a legal value (only for {@link Nullable}). */
    default boolean isOptional() {
        return false;
    }

    /** A primitive, its box, or one of the value types of {@link ScalarKind}. */
    record Scalar(ScalarKind kind, TypeName javaType) implements TypeMapping {

        public boolean isPrimitive() {
            return javaType.isPrimitive();
        }
    }

    /** {@code BigDecimal} with the precision and scale of its {@code @Decimal}. */
    record Decimal(int precision, int scale) implements TypeMapping {

        @Override
        public TypeName javaType() {
            return ClassName.get("java.math", "BigDecimal");
        }
    }

    /** An enum, encoded by constant name; Avro symbols are the constants in declaration order. */
    record Enumeration(ClassName javaType, List<String> symbols) implements TypeMapping {
    }

    /**
     * A value that may be absent: {@code Optional<T>} ({@code optional == true}) or a type annotated
     * {@code @Nullable}. Avro union with null, JSON null or absent.
     */
    record Nullable(TypeMapping value, boolean optional, TypeName javaType) implements TypeMapping {

        @Override
        public boolean isOptional() {
            return true;
        }
    }

    /** {@code List<T>} or {@code Set<T>}: JSON array, Avro array. */
    record Sequence(TypeMapping element, boolean set, TypeName javaType) implements TypeMapping {
    }

    /** {@code Map<String, T>}: JSON object, Avro map. */
    record StringMap(TypeMapping value, TypeName javaType) implements TypeMapping {
    }

    /** A nested record with two or more components (or none): JSON object, Avro record. */
    record Nested(RecordModel record) implements TypeMapping {

        @Override
        public TypeName javaType() {
            return record.javaType();
        }
    }

    /** A single-component record such as {@code OrderId(String value)}, encoded as its one value. */
    record Wrapper(ClassName javaType, String accessor, TypeMapping value) implements TypeMapping {
    }
}
