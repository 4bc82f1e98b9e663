package dev.stele.catalog;

import dev.stele.spi.EventType;
import java.util.List;

/**
 * The events of one module, as the Stele processor generates it: one implementation per module,
 * registered for {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.stele.catalog.EventCatalog}. {@link Catalog#load()} combines every
 * one on the class path.
 */
public interface EventCatalog extends GeneratedCatalog {

    /** Every {@code (name, version)} of the module, each exactly once. */
    List<EventType<?>> eventTypes();
}
