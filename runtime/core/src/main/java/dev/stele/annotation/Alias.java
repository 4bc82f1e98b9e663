package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Earlier names of a renamed field. Readers accept data written under any of them, in JSON and in
 * Avro (the names become the Avro field's aliases). Writers always use the current name, so a
 * rename is readable by new code but not by readers deployed before it: under a {@code FULL}
 * compatibility check a rename still needs a new event version.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Alias {

    /** The field's former names. */
    String[] value();
}
