package dev.stele.processor.model;

import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** How one Java type is encoded. The processor's whole type system: anything else is a compile error. */
public sealed interface TypeMapping {

    /** The Java type a value of this mapping has, as the source declares it. */
    TypeMirror javaType();

    /** Whether the value may be absent (only for {@link Nullable}). */
    default boolean isOptional() {
        return false;
    }

    /**
     * The type a value is written as: this one, or for {@code Optional<T>}, {@code @Nullable T} and a typed
     * id the type inside, itself unwrapped. What a {@code @Default} and an enum's default symbol apply to.
     */
    default TypeMapping unwrapped() {
        return this;
    }

    /** The mappings directly inside this one: a collection's element, a map's value, the value wrapped. */
    default List<TypeMapping> children() {
        return List.of();
    }

    /** This mapping and every mapping inside it, depth first; not the fields of a nested record. */
    default Stream<TypeMapping> flattened() {
        return Stream.concat(Stream.of(this), children().stream().flatMap(TypeMapping::flattened));
    }

    /** A primitive, its box, or one of the value types of {@link ScalarKind}. */
    record Scalar(ScalarKind kind, TypeMirror javaType) implements TypeMapping {

        public boolean isPrimitive() {
            return javaType.getKind().isPrimitive();
        }
    }

    /** {@code BigDecimal} with the precision and scale of its {@code @Decimal}. */
    record Decimal(int precision, int scale, TypeMirror javaType) implements TypeMapping {
    }

    /** An enum, encoded by constant name; Avro symbols are the constants in declaration order. */
    record Enumeration(TypeElement element, List<String> symbols) implements TypeMapping {

        @Override
        public TypeMirror javaType() {
            return element.asType();
        }
    }

    /**
     * A value that may be absent: {@code Optional<T>} ({@code optional == true}) or a type annotated
     * {@code @Nullable}. Avro union with null, JSON null or absent.
     */
    record Nullable(TypeMapping value, boolean optional, TypeMirror javaType) implements TypeMapping {

        @Override
        public boolean isOptional() {
            return true;
        }

        @Override
        public TypeMapping unwrapped() {
            return value.unwrapped();
        }

        @Override
        public List<TypeMapping> children() {
            return List.of(value);
        }
    }

    /** {@code List<T>} or {@code Set<T>}: JSON array, Avro array. */
    record Sequence(TypeMapping element, boolean set, TypeMirror javaType) implements TypeMapping {

        @Override
        public List<TypeMapping> children() {
            return List.of(element);
        }
    }

    /** {@code Map<String, T>}: JSON object, Avro map. */
    record StringMap(TypeMapping value, TypeMirror javaType) implements TypeMapping {

        @Override
        public List<TypeMapping> children() {
            return List.of(value);
        }
    }

    /** A nested record with two or more components (or none): JSON object, Avro record. */
    record Nested(RecordModel record) implements TypeMapping {

        @Override
        public TypeMirror javaType() {
            return record.element().asType();
        }
    }

    /** A single-component record such as {@code OrderId(String value)}, encoded as its one value. */
    record Wrapper(TypeElement element, String accessor, TypeMapping value) implements TypeMapping {

        @Override
        public TypeMirror javaType() {
            return element.asType();
        }

        @Override
        public TypeMapping unwrapped() {
            return value.unwrapped();
        }

        @Override
        public List<TypeMapping> children() {
            return List.of(value);
        }
    }
}
