package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the state of an event-sourced aggregate: a stream of events of one category,
 * folded from an {@link Initial} state through {@link Apply} methods.
 *
 * <pre>{@code
 * @Aggregate(category = "order", snapshotEvery = 100)
 * public record Order(String id, Status status, long paidMinor) {
 *     @Initial static Order initial(String id) { return new Order(id, Status.NEW, 0); }
 *     @Apply Order on(OrderPlaced e) { return new Order(id, Status.PLACED, 0); }
 *     @Apply Order on(OrderPaid e) { return new Order(id, Status.PAID, paidMinor + e.amountMinor()); }
 * }
 * }</pre>
 *
 * <p>The processor generates the dispatch (a plain {@code switch} on the event name, no reflection),
 * the set of event names the aggregate handles, and a codec for the state, which snapshots use. The
 * components follow the same rules as an {@link Event}'s.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Aggregate {

    /** The stream category: streams of this aggregate are {@code <category>-<id>}. */
    String category();

    /**
     * Take a snapshot of the state every this many events; 0 (the default) never does. A snapshot is
     * stored with the fingerprint of the state's schema, so a changed state type ignores old snapshots.
     */
    int snapshotEvery() default 0;
}
