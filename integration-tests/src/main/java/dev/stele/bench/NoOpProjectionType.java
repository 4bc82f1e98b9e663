package dev.stele.bench;

import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.projection.EventContext;
import dev.stele.spi.ProjectionType;
import java.util.Set;

/** The dispatch of {@link NoOpProjection}, written as the processor will generate it, for some of its events. */
final class NoOpProjectionType implements ProjectionType<NoOpProjection> {

    private final String name;
    private final Set<String> handled;
    private final int version;

    NoOpProjectionType(String name, Set<String> handled) {
        this(name, handled, 1);
    }

    /** A version of the projection, as {@code @Projection(version = …)} gives it. */
    NoOpProjectionType(String name, Set<String> handled, int version) {
        this.name = name;
        this.handled = Set.copyOf(handled);
        this.version = version;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public Class<NoOpProjection> projectionClass() {
        return NoOpProjection.class;
    }

    @Override
    public Set<String> handledEvents() {
        return handled;
    }

    @Override
    public void handle(NoOpProjection projection, String eventName, Object event, EventContext context) {
        switch (eventName) {
            case "OrderPlaced" -> projection.on((OrderPlaced) event, context);
            case "OrderPaid" -> projection.on((OrderPaid) event, context);
            case "OrderShipped" -> projection.on((OrderShipped) event, context);
            case "OrderNoted" -> projection.on((OrderNoted) event, context);
            default -> {
            }
        }
    }
}
