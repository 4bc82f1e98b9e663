package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns an older version of an event into a later version of the same event name.
 *
 * <p>The method is {@code static}, not private, takes exactly one parameter (the older version's
 * record) and returns a later version's record of the same {@link Event#name() name}. Typically it
 * lives in the older record:
 *
 * <pre>{@code
 * @Event(name = "OrderPaid", version = 1)
 * record OrderPaidV1(@StreamId String orderId, long amount) {
 *     @Upcast static OrderPaid upcast(OrderPaidV1 old) {
 *         return new OrderPaid(old.orderId(), old.amount() * 100, "EUR");
 *     }
 * }
 * }</pre>
 *
 * <p>Every older version must reach the latest through a chain of such methods; the processor
 * rejects a module where one cannot. Readers decode any stored version and hand the application the
 * latest, applying the chain in version order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upcast {
}
