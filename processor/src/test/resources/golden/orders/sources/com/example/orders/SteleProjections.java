package com.example.orders;

import dev.stele.catalog.ProjectionCatalog;
import dev.stele.spi.ProjectionType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The projections of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this
 * class through {@code META-INF/services/dev.stele.catalog.ProjectionCatalog}.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class SteleProjections implements ProjectionCatalog {
    @Override
    public int spiVersion() {
        return 3;
    }

    @Override
    public String generatedBy() {
        return "stele-processor @version@";
    }

    @Override
    public List<ProjectionType<?>> projectionTypes() {
        return List.of(
                OrderTotalsProjection.TYPE);
    }
}
