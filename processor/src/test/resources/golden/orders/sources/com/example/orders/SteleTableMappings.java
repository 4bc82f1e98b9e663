package com.example.orders;

import dev.stele.catalog.TableMappingCatalog;
import dev.stele.spi.TableMapping;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The table mappings of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this
 * class through {@code META-INF/services/dev.stele.catalog.TableMappingCatalog}.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class SteleTableMappings implements TableMappingCatalog {
    @Override
    public int spiVersion() {
        return 3;
    }

    @Override
    public String generatedBy() {
        return "stele-processor @version@";
    }

    @Override
    public List<TableMapping<?>> tableMappings() {
        return List.of(
                CustomerRegisteredTableMapping.TYPE,
                CustomerRemovedTableMapping.TYPE,
                CustomersTruncatedTableMapping.TYPE);
    }
}
