package dev.stele.catalog.internal;

import java.util.function.Supplier;

/**
 * One reusable object per thread (a writer with its buffer, a reader with its decoder), lent for one call
 * at a time: a nested call on the same thread, such as a codec that calls back into the catalog, gets a
 * fresh one instead of the one in use. Lending and returning store a flag, not a reference: a reference
 * stored into a long-lived object costs a memory fence under G1, which per event is a measurable share of
 * an Avro round trip.
 */
public final class ThreadLending<T> {

    private final ThreadLocal<Slot<T>> slots;
    private final Supplier<T> factory;

    public ThreadLending(Supplier<T> factory) {
        this.factory = factory;
        this.slots = ThreadLocal.withInitial(() -> new Slot<>(factory.get()));
    }

    /** The thread's object if it is not lent already, else a new one; give it back with {@link #giveBack}. */
    public T lend() {
        Slot<T> slot = slots.get();
        if (slot.lent) {
            return factory.get();
        }
        slot.lent = true;
        return slot.value;
    }

    /**
     * Ends the loan of {@code value}; with {@code keep} false (it grew too large to hold on to) the thread
     * gets a new object in its place.
     */
    public void giveBack(T value, boolean keep) {
        Slot<T> slot = slots.get();
        if (slot.value == value) {
            slot.lent = false;
            if (!keep) {
                slot.value = factory.get();
            }
        }
    }

    private static final class Slot<T> {
        T value;
        boolean lent;

        Slot(T value) {
            this.value = value;
        }
    }
}
