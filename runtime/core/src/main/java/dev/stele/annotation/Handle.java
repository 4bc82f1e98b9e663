package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event type in a {@link Projection}: a non-private, non-static method returning
 * {@code void} whose first parameter is the latest version of an {@link Event}, optionally followed by an
 * {@code dev.stele.projection.EventContext}. It may throw any exception: the runtime retries the event
 * and then stops the projection or parks the event, by the projection's policy. One {@code @Handle} per
 * event type in a class.
 *
 * <p>Writes to the read model go through {@code EventContext.connection()}, in the transaction that also
 * records the projection's checkpoint: they happen exactly once. Effects outside that database (a mail,
 * a call to another service) happen at least once; de-duplicate them by {@code EventContext.eventId()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Handle {
}
