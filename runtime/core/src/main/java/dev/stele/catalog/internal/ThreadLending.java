package dev.stele.catalog.internal;

import java.util.function.Supplier;

/**
 * One reusable object per thread (a writer with its buffer, a reader with its decoder), lent for one call
 * at a time: a nested call on the same thread, such as a codec that calls back into the catalog, gets a
 * fresh one instead of the one in use. Lending and returning store a flag, not a reference: a reference
 * stored into a long-lived object costs a memory fence under G1, which per event is a measurable share of
 * an Avro round trip.
 *
 * <pre>{@code
 * ThreadLending.Slot<JsonRecordWriter> slot = WRITERS.slot();
 * JsonRecordWriter out = slot.lend();
 * try { ... } finally { slot.giveBack(out, out.size() <= KEPT); }
 * }</pre>
 */
public final class ThreadLending<T> {

    private final ThreadLocal<Slot<T>> slots;

    public ThreadLending(Supplier<T> factory) {
        this.slots = ThreadLocal.withInitial(() -> new Slot<>(factory));
    }

    /** This thread's slot. */
    public Slot<T> slot() {
        return slots.get();
    }

    /** A thread's object and whether it is lent. */
    public static final class Slot<T> {
        private final Supplier<T> factory;
        private T value;
        private boolean lent;

        private Slot(Supplier<T> factory) {
            this.factory = factory;
            this.value = factory.get();
        }

        /** The thread's object if it is not lent already, else a new one; give it back with {@link #giveBack}. */
        public T lend() {
            if (lent) {
                return factory.get();
            }
            lent = true;
            return value;
        }

        /**
         * Ends the loan of {@code value}; with {@code keep} false (it grew too large to hold on to) the thread
         * gets a new object in its place. A fresh object lent to a nested call is simply dropped.
         */
        public void giveBack(T value, boolean keep) {
            if (this.value == value) {
                lent = false;
                if (!keep) {
                    this.value = factory.get();
                }
            }
        }
    }
}
