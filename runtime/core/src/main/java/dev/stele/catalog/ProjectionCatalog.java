package dev.stele.catalog;

import dev.stele.spi.ProjectionType;
import java.util.List;

/**
 * The projections of one module, as the Stele processor generates it, registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.stele.catalog.ProjectionCatalog}.
 */
public interface ProjectionCatalog extends GeneratedCatalog {

    /** Every {@code @Projection} of the module. */
    List<ProjectionType<?>> projectionTypes();
}
