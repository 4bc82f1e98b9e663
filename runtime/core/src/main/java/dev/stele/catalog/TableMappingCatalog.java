package dev.stele.catalog;

import dev.stele.spi.TableMapping;
import java.util.List;

/**
 * The {@code @FromTable} records of one module, as the Stele processor generates it, registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.stele.catalog.TableMappingCatalog}.
 */
public interface TableMappingCatalog extends GeneratedCatalog {

    /** The mapping of every {@code @FromTable} record of the module. */
    List<TableMapping<?>> tableMappings();
}
