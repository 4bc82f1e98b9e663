package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column a component of a {@link FromTable} record is read from, where it is not the component's name in
 * snake_case (the default: {@code createdAt} reads {@code created_at}, {@code id} reads {@code id}).
 *
 * <pre>{@code
 * public record CustomerRegistered(@Column("id") long customerId, @Column("created_at") Instant at) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Column {

    /** The column's name; empty for the component's name in snake_case. */
    String value() default "";

    /**
     * Whether a {@code BigDecimal} component accepts a column Debezium sends as a {@code double}
     * ({@code decimal.handling.mode=double}), which may not be the value stored. Off by default: such a
     * value is refused with an error, never rounded silently.
     */
    boolean approximate() default false;
}
