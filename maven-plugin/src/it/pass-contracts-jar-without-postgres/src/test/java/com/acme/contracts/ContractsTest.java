package com.acme.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.SerializedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractsTest {

    private final ParcelShipped event = new ParcelShipped("p-1", "DHL", Instant.parse("2026-11-30T10:15:30.123456Z"),
            List.of("book", "lamp"));

    @Test
    void eventsRoundTripThroughJsonAndAvroWithOnlyTheRuntime() {
        Catalog catalog = Catalog.load();

        SerializedEvent json = catalog.toJson(event);
        assertEquals(event, catalog.fromJson(json.name(), json.version(), json.payload()));
        assertEquals(event, catalog.fromAvro(catalog.toAvro(event)));
    }

    @Test
    void neitherThePostgresDriverNorTheStoreIsOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.postgresql.Driver"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.stele.store.EventStore"));
    }
}
