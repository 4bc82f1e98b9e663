package dev.stele.processor.model;

import dev.stele.spi.ColumnKind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One component of a {@code @FromTable} record and the column it reads: what the generated
 * {@code MappedColumn} declares, and how the component's value is built from what the row's getter returns.
 *
 * @param column the column's name, in lower case: the {@code @Column} value, else the component's name in
 *     snake_case
 * @param component the record component's name
 * @param kind what the component takes from the column
 * @param presence whether the component accepts a null or absent column, and how it says so
 * @param elementKind for a {@link ColumnKind#LIST}, its elements' kind; otherwise empty
 * @param precision for a {@link ColumnKind#DECIMAL}, its {@code @Decimal} precision; otherwise 0
 * @param scale for a {@link ColumnKind#DECIMAL}, its {@code @Decimal} scale; otherwise 0
 * @param approximate whether {@code @Column(approximate = true)} lets a decimal take a {@code double}
 * @param typedIds the single-component records wrapped around the value, outermost first
 * @param valueType the type the row's getter returns for the column: {@code long}, {@code Long}, an enum,
 *     {@code List<String>}, ...
 * @param element the record component, for diagnostics
 * @param annotation its {@code @Column} mirror, if it has one, for diagnostics
 */
public record ColumnModel(String column, String component, ColumnKind kind, Presence presence,
        Optional<ColumnKind> elementKind, int precision, int scale, boolean approximate, List<TypeElement> typedIds,
        TypeMirror valueType, RecordComponentElement element, Optional<AnnotationMirror> annotation) {

    public ColumnModel {
        typedIds = List.copyOf(typedIds);
    }

    /** How a component takes a null or absent column. */
    public enum Presence {
        /** It cannot: the getter fails on a null column. */
        REQUIRED,
        /** {@code Optional<T>}: empty for a null column. */
        OPTIONAL,
        /** A type annotated {@code @Nullable}: null for a null column. */
        NULLABLE
    }

    /** Whether the component accepts a null or absent column. */
    public boolean optional() {
        return presence != Presence.REQUIRED;
    }
}
