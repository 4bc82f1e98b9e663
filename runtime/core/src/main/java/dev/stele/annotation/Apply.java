package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Folds one event into an {@link Aggregate}'s state: an instance method of the aggregate record taking
 * the latest version of one {@link Event} and returning the next state. It never mutates: the record
 * is immutable and the method returns a new one (or {@code this}). One {@code @Apply} per event type.
 * Events the aggregate has no {@code @Apply} for leave the state as it is.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Apply {
}
