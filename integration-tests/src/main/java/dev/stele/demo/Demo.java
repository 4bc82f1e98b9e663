package dev.stele.demo;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.SerializedEvent;
import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import dev.stele.spi.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The README's demo: the code the processor generated for {@code dev.stele.demo.orders}, at work.
 * Run with {@code mvn -q -DskipTests -Pdemo verify}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        Catalog catalog = Catalog.load();
        section("The catalog the processor generated");
        for (EventType<?> type : catalog.eventTypes()) {
            System.out.printf("  %-12s v%d  %-40s schema %016x%n", type.name(), type.version(),
                    type.javaType().getName(), type.schemaFingerprint());
        }

        OrderPlaced order = new OrderPlaced(new OrderId("o-1001"),
                UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada@example.com", 12_990, "EUR",
                Instant.parse("2026-11-26T09:30:00.123456Z"), Channel.WEB,
                List.of(new OrderLine("BOOK-1", "Notes on the Analytical Engine", 1, 4_990),
                        new OrderLine("PEN-7", "Fountain pen", 2, 4_000)),
                Optional.empty(), Shipping.EXPRESS);

        section("Encoding the latest version");
        SerializedEvent json = catalog.toJson(order);
        System.out.println("  JSON  " + json.name() + " v" + json.version() + ": " + text(json.payload()));
        byte[] avro = catalog.toAvro(order);
        System.out.println("  Avro  " + avro.length + " bytes (JSON: " + json.payload().length + "), header "
                + HexFormat.of().formatHex(avro, 0, 10) + " = C3 01 + schema fingerprint");
        System.out.println("  both decode to the same record: "
                + (order.equals(catalog.fromJson(json.name(), json.version(), json.payload()))
                        && order.equals(catalog.fromAvro(avro))));

        section("Reading a version 1 payload stored by the first release");
        String stored = "{\"orderId\":\"o-17\",\"customerEmail\":\"grace@example.com\",\"totalEuros\":42,"
                + "\"placedAt\":\"2024-03-01T12:00:00Z\"}";
        System.out.println("  stored  OrderPlaced v1: " + stored);
        Object latest = catalog.fromJson("OrderPlaced", 1, bytes(stored));
        System.out.println("  read as " + latest.getClass().getSimpleName() + " (v1 -> v2 -> v3 by @Upcast):");
        System.out.println("          " + latest);

        section("Tolerant reading: an unknown field is skipped, a missing one takes its @Default");
        String newer = text(json.payload()).replace("\"shipping\":\"EXPRESS\"", "\"giftWrap\":true");
        System.out.println("  payload  " + newer);
        OrderPlaced tolerant = (OrderPlaced) catalog.fromJson("OrderPlaced", 3, bytes(newer));
        System.out.println("  shipping = " + tolerant.shipping() + " (the @Default), giftWrap ignored");

        section("A bad payload is rejected with a typed error, never skipped");
        String bad = text(json.payload()).replace("\"quantity\":2", "\"quantity\":\"two\"");
        try {
            catalog.fromJson("OrderPlaced", 3, bytes(bad));
        } catch (EventDecodingException e) {
            System.out.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.out.println("  event=" + e.eventName() + " version=" + e.version() + " field=" + e.fieldPath());
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
