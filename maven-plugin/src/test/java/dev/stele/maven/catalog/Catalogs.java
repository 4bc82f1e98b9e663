package dev.stele.maven.catalog;

import java.util.List;
import java.util.Optional;

/** Catalogues for the writers' tests. */
final class Catalogs {

    private Catalogs() {
    }

    /** An event that no aggregate or projection of the module handles. */
    static EventCatalog.Event event(String name, List<EventCatalog.Version> versions) {
        return new EventCatalog.Event(name, versions, List.of());
    }

    static EventCatalog.Field field(String name, String type) {
        return new EventCatalog.Field(name, type, false, Optional.empty(), List.of());
    }

    static EventCatalog.Version version(int version, String javaType, int upcastTo, List<String> releases,
            EventCatalog.Field... fields) {
        Optional<EventCatalog.Upcast> upcast = upcastTo == 0 ? Optional.empty()
                : Optional.of(new EventCatalog.Upcast(upcastTo, javaType.substring(javaType.lastIndexOf('.') + 1)
                        + ".up"));
        return new EventCatalog.Version(version, javaType, "00000000000000" + version + "0", List.of(fields), upcast,
                releases, List.of());
    }

    /** OrderPlaced v1 → v2 → v3 (v1 from 1.0.0, v2 from 1.1.0, v3 new), and CustomerRegistered from a table. */
    static EventCatalog orders() {
        EventCatalog.Event placed = new EventCatalog.Event("OrderPlaced", List.of(
                version(1, "com.acme.OrderPlacedV1", 2, List.of("1.0.0"), field("orderId", "string")),
                version(2, "com.acme.OrderPlacedV2", 3, List.of("1.1.0", "1.2.0"), field("orderId", "string"),
                        new EventCatalog.Field("currency", "string", false, Optional.of("\"EUR\""), List.of())),
                version(3, "com.acme.OrderPlaced", 0, List.of("2.0.0-SNAPSHOT"), field("orderId", "string"),
                        new EventCatalog.Field("currency", "string", false, Optional.of("\"EUR\""), List.of()),
                        new EventCatalog.Field("ref", "string", true, Optional.of("null"), List.of("reference")))),
                List.of(new EventCatalog.Handler("aggregate", "order", "com.acme.Order"),
                        new EventCatalog.Handler("projection", "order-totals", "com.acme.OrderTotals")));
        EventCatalog.Event registered = new EventCatalog.Event("CustomerRegistered", List.of(
                new EventCatalog.Version(1, "com.acme.CustomerRegistered", "d11fdfa34f44e75d",
                        List.of(field("id", "long"), field("at", "timestamp-nanos (Instant)")), Optional.empty(),
                        List.of(), List.of("public.customers"))), List.of());
        return new EventCatalog("com.acme:orders", "2.0.0-SNAPSHOT", true, List.of(registered, placed));
    }
}
