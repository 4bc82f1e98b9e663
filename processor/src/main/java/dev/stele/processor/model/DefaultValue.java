package dev.stele.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A parsed {@code @Default}: the value the text names, in the two forms the generated code and the schema
 * need. Parsed by the code the runtime's readers use, so a default means in the processor exactly what
 * the same text means in data.
 *
 * @param text as written
 * @param literal the value, canonical: what the generated JSON reader fills in
 * @param avroValue the Avro field default, as Avro's {@code Schema.Field} takes it (nanoseconds, days,
 *     unscaled bytes, ...)
 * @param mirror the annotation, for diagnostics
 * @param value the annotation's value, for diagnostics
 */
public record DefaultValue(String text, Literal literal, Object avroValue, AnnotationMirror mirror,
        AnnotationValue value) {

    /** What kind of value a default is; with a {@link Literal}'s text it names the value exactly. */
    public enum Kind {
        BOOLEAN,
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        STRING,
        /** ISO-8601 in UTC, as {@code Instant.toString()} writes it. */
        INSTANT,
        LOCAL_DATE,
        LOCAL_DATE_TIME,
        /** The 36-character lower-case form. */
        UUID,
        /** Base64 of the bytes with padding, as {@code java.util.Base64}'s basic encoder writes it. */
        BYTES,
        /** The plain decimal text at the field's scale, such as {@code 12.50}. */
        DECIMAL,
        /** The constant's name. */
        ENUM_CONSTANT,
        EMPTY_LIST,
        EMPTY_SET,
        EMPTY_MAP
    }

    /**
     * A default's value, before any {@code Optional} or typed id wraps it: its kind and a canonical text
     * that the generated code turns back into exactly the value.
     */
    public record Literal(Kind kind, String canonical) {
    }
}
