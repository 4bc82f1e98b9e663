package dev.stele.catalog;

import dev.stele.spi.AggregateType;
import java.util.List;

/**
 * The aggregates of one module, as the Stele processor generates it, registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.stele.catalog.AggregateCatalog}.
 */
public interface AggregateCatalog extends GeneratedCatalog {

    /** Every {@code @Aggregate} of the module. */
    List<AggregateType<?>> aggregateTypes();
}
