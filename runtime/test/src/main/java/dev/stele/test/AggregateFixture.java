package dev.stele.test;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.SerializedEvent;
import dev.stele.spi.AggregateType;
import dev.stele.spi.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Given these events, when this command, expect these events, this state or this exception: a test of
 * an {@code @Aggregate}'s decisions that runs without a database, through the code the processor
 * generated for it (the same {@code @Initial}, {@code @Apply} dispatch and codecs the store uses).
 *
 * <pre>{@code
 * AggregateFixture<Order> orders = AggregateFixture.of(Order.class);
 *
 * orders.given("o-1", new OrderPlaced(...))
 *         .when(order -> order.pay("pay-1", 2_990, at))
 *         .expectEvents(new OrderPaid(new OrderId("o-1"), "pay-1", 2_990, at));
 *
 * orders.given("o-1")
 *         .when(order -> order.ship("DHL", at))
 *         .expectException(IllegalStateException.class);
 * }</pre>
 *
 * <p>Each given event goes through the catalog as the store would take it: encoded to JSON and Avro, read
 * back and brought to its latest version, so older versions may be given and an event the store could
 * not hold fails the test here. The events a command returns are checked the same way. A failed
 * expectation is an {@link AssertionError} saying what was expected and what happened; no test framework
 * is needed.
 *
 * @param <S> the aggregate's state record
 */
public final class AggregateFixture<S> {

    private final Catalog catalog;
    private final AggregateType<S> type;

    private AggregateFixture(Catalog catalog, AggregateType<S> type) {
        this.catalog = catalog;
        this.type = type;
    }

    /** A fixture for {@code stateType}, through every catalog on the class path. */
    public static <S> AggregateFixture<S> of(Class<S> stateType) {
        return of(stateType, Catalog.load());
    }

    public static <S> AggregateFixture<S> of(Class<S> stateType, Catalog catalog) {
        return new AggregateFixture<>(catalog, catalog.aggregateType(stateType));
    }

    /** The aggregate {@code id} after {@code events} (none: its {@code @Initial} state). */
    public Given<S> given(String id, Object... events) {
        return given(id, Arrays.asList(events));
    }

    /** The aggregate {@code id} after {@code events}, in order. */
    public Given<S> given(String id, List<?> events) {
        Objects.requireNonNull(id, "id");
        S state = type.initial(id);
        int version = 0;
        for (Object event : events) {
            version++;
            Object latest = throughTheCatalog(event, "given event " + version);
            state = applyChecked(state, latest, "given event " + version);
        }
        return new Given<>(this, id, state, version);
    }

    private Object throughTheCatalog(Object event, String which) {
        Objects.requireNonNull(event, which);
        try {
            SerializedEvent json = catalog.toJson(event);
            Object latest = catalog.fromJson(json.name(), json.version(), json.payload());
            catalog.fromAvro(catalog.toAvro(event));
            return latest;
        } catch (RuntimeException e) {
            throw new AssertionError(which + " (" + event + ") cannot be stored and read back: " + e.getMessage(), e);
        }
    }

    /** The next state; an {@code @Apply} method that throws or returns null fails the test, naming the event. */
    private S applyChecked(S state, Object event, String which) {
        EventType<?> eventType = catalog.eventType(event.getClass());
        S next;
        try {
            next = type.apply(state, eventType.name(), event);
        } catch (RuntimeException e) {
            throw new AssertionError("the @Apply method of " + type.stateType().getSimpleName() + " for "
                    + eventType.name() + " threw at " + which + ": " + e, e);
        }
        if (next == null) {
            throw new AssertionError("the @Apply method of " + type.stateType().getSimpleName() + " for "
                    + eventType.name() + " returned null at " + which + "; it must return the next state");
        }
        return next;
    }

    /**
     * An aggregate in a given state, before the command.
     *
     * @param <S> the aggregate's state record
     */
    public static final class Given<S> {

        private final AggregateFixture<S> fixture;
        private final String id;
        private final S state;
        private final int version;

        private Given(AggregateFixture<S> fixture, String id, S state, int version) {
            this.fixture = fixture;
            this.id = id;
            this.state = state;
            this.version = version;
        }

        /** The state the given events led to. */
        public S state() {
            return state;
        }

        /** How many events were given: the stream's version. */
        public int version() {
            return version;
        }

        /** Runs {@code command} on the state; it returns the events it decides on (none is an empty list). */
        public Then<S> when(Function<? super S, ? extends List<?>> command) {
            Objects.requireNonNull(command, "command");
            List<?> events;
            try {
                events = command.apply(state);
            } catch (RuntimeException e) {
                return new Then<>(id, List.of(), state, e);
            }
            List<Object> produced = new ArrayList<>();
            S after = state;
            int count = events == null ? 0 : events.size();
            for (int i = 0; i < count; i++) {
                String which = "event " + (i + 1) + " of the command";
                Object event = events.get(i);
                if (event == null) {
                    throw new AssertionError("aggregate " + id + ": " + which + " is null; a command returns the"
                            + " events it decides on, none of them null");
                }
                produced.add(event);
                after = fixture.applyChecked(after, fixture.throughTheCatalog(event, which), which);
            }
            return new Then<>(id, List.copyOf(produced), after, null);
        }
    }

    /**
     * What a command did, to be checked.
     *
     * @param <S> the aggregate's state record
     */
    public static final class Then<S> {

        private final String id;
        private final List<Object> events;
        private final S state;
        private final RuntimeException thrown;

        private Then(String id, List<Object> events, S state, RuntimeException thrown) {
            this.id = id;
            this.events = events;
            this.state = state;
            this.thrown = thrown;
        }

        /** Expects exactly {@code expected}, in order, compared with {@code equals}. */
        public Then<S> expectEvents(Object... expected) {
            return expectEvents(Arrays.asList(expected));
        }

        public Then<S> expectEvents(List<?> expected) {
            noException("events " + expected);
            if (!events.equals(expected)) {
                throw new AssertionError("aggregate " + id + ": expected the events\n  " + expected
                        + "\nbut the command returned\n  " + events + firstDifference(expected));
            }
            return this;
        }

        /** Expects the command to decide on nothing. */
        public Then<S> expectNoEvents() {
            return expectEvents(List.of());
        }

        /** Expects the state after the command's events to equal {@code expected}. */
        public Then<S> expectState(S expected) {
            noException("the state " + expected);
            if (!Objects.equals(state, expected)) {
                throw new AssertionError("aggregate " + id + ": expected the state\n  " + expected
                        + "\nbut it is\n  " + state);
            }
            return this;
        }

        /** Hands the state after the command's events to {@code check}, for assertions of your own. */
        public Then<S> expectState(Consumer<? super S> check) {
            noException("a state");
            check.accept(state);
            return this;
        }

        /** Expects the command to throw a {@code type}; returns it for further checks. */
        public <X extends RuntimeException> X expectException(Class<X> type) {
            if (thrown == null) {
                throw new AssertionError("aggregate " + id + ": expected " + type.getName()
                        + " but the command returned the events " + events);
            }
            if (!type.isInstance(thrown)) {
                throw new AssertionError("aggregate " + id + ": expected " + type.getName() + " but the command threw "
                        + thrown, thrown);
            }
            return type.cast(thrown);
        }

        private void noException(String expected) {
            if (thrown != null) {
                throw new AssertionError("aggregate " + id + ": expected " + expected + " but the command threw "
                        + thrown, thrown);
            }
        }

        private String firstDifference(List<?> expected) {
            List<Object> actual = new ArrayList<>(events);
            for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
                if (!Objects.equals(actual.get(i), expected.get(i))) {
                    return "\nfirst difference at event " + (i + 1) + ": expected " + expected.get(i) + ", got "
                            + actual.get(i);
                }
            }
            return "\n(" + expected.size() + " expected, " + actual.size() + " returned)";
        }
    }
}
