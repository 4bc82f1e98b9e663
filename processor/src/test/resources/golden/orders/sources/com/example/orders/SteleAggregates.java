package com.example.orders;

import dev.stele.catalog.AggregateCatalog;
import dev.stele.spi.AggregateType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The aggregates of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this
 * class through {@code META-INF/services/dev.stele.catalog.AggregateCatalog}.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class SteleAggregates implements AggregateCatalog {
    @Override
    public int spiVersion() {
        return 3;
    }

    @Override
    public String generatedBy() {
        return "stele-processor @version@";
    }

    @Override
    public List<AggregateType<?>> aggregateTypes() {
        return List.of(
                OrderAggregate.TYPE);
    }
}
