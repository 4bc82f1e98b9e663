package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a projection: a read model kept up to date from the events, one {@link Handle}
 * method per event it needs.
 *
 * <pre>{@code
 * @Projection(name = "order-totals")
 * public final class OrderTotals {
 *     @Handle void on(OrderPlaced e, EventContext ctx) throws SQLException { … }  // write with ctx.connection()
 *     @Handle void on(OrderPaid e, EventContext ctx) throws SQLException { … }
 * }
 * }</pre>
 *
 * <p>The processor generates the dispatch (a plain {@code switch} on the event name, no reflection) and
 * the set of event names the projection handles, so that the runtime reads only those. Run by
 * {@code dev.stele.replication.ProjectionRunner}, a projection sees every event it handles exactly once
 * in effect: its handlers' writes on {@code EventContext.connection()} commit in one transaction with its
 * checkpoint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Projection {

    /**
     * The projection's name, under which its checkpoints are stored: unique in a module, 1 to 63
     * lower-case letters, digits, hyphens and underscores, starting with a letter. Renaming a projection
     * makes it a new one, which catches up from the first event.
     */
    String name();

    /**
     * The read model's version (1 and up). Raising it rebuilds the projection blue/green: the new version
     * catches up into tables of its own while the current one keeps serving, joins the slot where its
     * catch-up ended, and becomes current in one transaction once it has applied everything the current one
     * has. Keep the older class (same name, its own version) in the runner to keep it up to date meanwhile.
     * See {@code docs/operations.md}, "Rebuilding a projection".
     */
    int version() default 1;
}
