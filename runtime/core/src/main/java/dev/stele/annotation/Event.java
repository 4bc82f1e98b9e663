package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an event: an immutable fact that Stele stores, streams and publishes.
 *
 * <p>At compile time the Stele processor generates, for every event, a JSON and an Avro codec
 * (no reflection), an Avro schema under {@code META-INF/stele/schemas/<name>/v<version>.avsc}, and
 * registers the event in the module's generated catalog. The promise: an event written with one
 * release can be read by every later release. Readers are tolerant the way Avro schema resolution
 * is, in both formats: unknown fields are skipped, missing fields take their {@link Default} (or
 * {@code null} when optional), {@link Alias} names are accepted.
 *
 * <p>{@code (name, version)} is unique within a module. The highest version of a name is the one
 * the application works with; each older version stays in the code base, so stored data stays
 * readable, and must reach the latest through {@link Upcast} methods.
 *
 * <p>Only records can be events. Supported component types: {@code boolean int long float double}
 * and their boxes, {@code String}, {@code Instant} (to the nanosecond, 1677 to 2262), {@code LocalDate},
 * {@code LocalDateTime} (likewise), {@code UUID}, {@code BigDecimal} with {@link Decimal},
 * {@code byte[]}, enums, {@code Optional<T>} or any annotation named {@code Nullable} (optional,
 * default null), {@code List<T>}, {@code Set<T>}, {@code Map<String, T>}, nested records, and
 * single-component records (typed ids such as {@code OrderId(String value)}) which are written as
 * their one value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Event {

    /**
     * The event's name as stored and published: letters, digits and underscores, starting with a
     * letter. Defaults to the record's simple name. The name, not the Java package, identifies the
     * event, so moving or renaming the class changes nothing that was stored.
     */
    String name() default "";

    /** The event's version, 1 or more. A new version is needed for any change that older data or
     * older readers could not follow; the older version then gets an {@link Upcast}. */
    int version() default 1;
}
