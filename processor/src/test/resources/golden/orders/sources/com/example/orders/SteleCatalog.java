package com.example.orders;

import dev.stele.catalog.EventCatalog;
import dev.stele.spi.EventType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The events of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this
 * class through {@code META-INF/services/dev.stele.catalog.EventCatalog}.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class SteleCatalog implements EventCatalog {
    @Override
    public int spiVersion() {
        return 3;
    }

    @Override
    public String generatedBy() {
        return "stele-processor @version@";
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return List.of(
                CustomerRegisteredCodec.TYPE,
                CustomerRemovedCodec.TYPE,
                CustomersTruncatedCodec.TYPE,
                OrderPaidCodec.TYPE,
                OrderPlacedV1Codec.TYPE,
                OrderPlacedCodec.TYPE);
    }
}
