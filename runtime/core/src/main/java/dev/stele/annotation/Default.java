package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a reader uses when the stored data has no such field, which is what makes adding a
 * field to a released event safe. It is also the Avro field default in the generated schema, so
 * JSON and Avro readers fill in the same value.
 *
 * <p>The value is written as the field's type reads it, and the processor checks that it parses:
 * text as is for {@code String}; {@code 42}, {@code -1.5}, {@code true}; an enum constant's name;
 * {@code 2024-01-31T10:15:30Z} for {@code Instant}; {@code 2024-01-31} for {@code LocalDate};
 * {@code 2024-01-31T10:15:30} for {@code LocalDateTime}; a UUID's text; {@code 12.50} for a
 * {@code BigDecimal} (at most the field's scale); Base64 for {@code byte[]}; {@code []} for an empty
 * {@code List} or {@code Set} and <code>{}</code> for an empty {@code Map}. A typed id takes its
 * single value's form.
 *
 * <p>On an enum field the default also stands in for a symbol the reader does not know (one added
 * by a later release); without it an unknown symbol is a decoding error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Default {

    /** The default, written as the field's type reads it. */
    String value();
}
