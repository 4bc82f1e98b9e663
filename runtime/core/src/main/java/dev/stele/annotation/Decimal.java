package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Precision and scale of a {@code BigDecimal} component, required on every one: the Avro
 * {@code decimal} logical type stores the scale in the schema, not in the data.
 *
 * <p>Writers accept a value whose scale is at most {@link #scale()} (it is widened without
 * rounding) and whose digits fit {@link #precision()}; anything else is an encoding error naming
 * the field, never a silent rounding. Readers always return the value at exactly this scale.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD,
        ElementType.TYPE_USE})
public @interface Decimal {

    /** Total number of significant digits, 1 or more. */
    int precision();

    /** Digits after the decimal point, from 0 to {@link #precision()}. */
    int scale();
}
