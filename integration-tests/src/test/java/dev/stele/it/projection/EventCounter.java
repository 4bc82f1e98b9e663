package dev.stele.it.projection;

import dev.stele.projection.EventContext;
import dev.stele.spi.ProjectionType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A projection that writes nothing: it counts the events it is handed and refuses one that is not the next of
 * its stream, for tests about reading the slot rather than writing a read model. Valid within one run of the
 * runner (it keeps its counts in memory).
 */
final class EventCounter implements ProjectionType<EventCounter> {

    final AtomicLong handled = new AtomicLong();
    private final String name;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Consumer<EventContext> before;

    EventCounter(String name, Consumer<EventContext> before) {
        this.name = name;
        this.before = before;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<EventCounter> projectionClass() {
        return EventCounter.class;
    }

    @Override
    public Set<String> handledEvents() {
        return Set.of("AccountOpened", "MoneyDeposited", "MoneyWithdrawn");
    }

    @Override
    public void handle(EventCounter projection, String eventName, Object event, EventContext context) {
        before.accept(context);
        Long previous = versions.put(context.streamId(), context.streamVersion());
        long expected = previous == null ? context.streamVersion() : previous + 1;
        if (context.streamVersion() != expected) {
            throw new IllegalStateException(context.streamId() + " v" + context.streamVersion() + " after v" + previous);
        }
        handled.incrementAndGet();
    }
}
