package com.acme.shop;

import dev.stele.catalog.Catalog;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Writes what the database goals' ITs inspect, in the PostgreSQL that maven-plugin's build started: in
 * {@code public.stele_*} a few streams and the projection order-count, caught up on slot it_shop (healthy, with
 * order-o-bad's OrderPlaced parked under a fixed event id); in
 * {@code public.broken_*} the same projection on slot it_shop_broken, which is then dropped (unhealthy); in
 * {@code public.rebuild_*} version 1 of order-count on slot it_shop_rebuild, then versions 1 and 2 until version 2 is
 * current (version 1 stays registered, superseded).
 */
public final class Seed {

    /** The event id of the order OrderCount refuses, parked: pass-parked-event shows it. */
    static final UUID POISON_ID = UUID.fromString("00000000-0000-4000-8000-00000000bad1");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        Catalog catalog = Catalog.load();

        EventStore store = EventStore.create(dataSource, catalog);
        store.append(StreamId.of("order", "o-1001"), ExpectedVersion.noStream(),
                List.of(new OrderPlacedV1("o-1001", 2500), new OrderShipped("o-1001", "dhl")));
        store.append(StreamId.of("order", "o-1002"), ExpectedVersion.noStream(),
                List.of(new OrderPlaced("o-1002", 990, "USD")));
        store.append(StreamId.of("customer", "c-1"), ExpectedVersion.noStream(),
                List.of(new CustomerRegistered("c-1", "Ann")));
        store.append(StreamId.of("order", "o-bad"), ExpectedVersion.noStream(),
                List.of(new NewEvent(POISON_ID, new OrderPlaced(OrderCount.REFUSED, 1, "EUR"), EventMetadata.empty())));
        runUntilApplied(dataSource, url, catalog, EventStoreOptions.defaults(), "it_shop", 2, 1);

        EventStoreOptions broken = EventStoreOptions.defaults().withTablePrefix("broken_");
        EventStore.create(dataSource, catalog, broken).append(StreamId.of("order", "o-1"), ExpectedVersion.noStream(),
                List.of(new OrderPlaced("o-1", 100, "EUR")));
        runUntilApplied(dataSource, url, catalog, broken, "it_shop_broken", 1, 0);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot('it_shop_broken')");
        }
        rebuild(dataSource, url, catalog, EventStoreOptions.defaults().withTablePrefix("rebuild_"));
        System.out.println("Seeded the shop's streams and projections");
    }

    /** Version 1 of order-count until it is current, then versions 1 and 2 until version 2 is. */
    private static void rebuild(PGSimpleDataSource dataSource, String url, Catalog catalog, EventStoreOptions options)
            throws InterruptedException {
        EventStore.create(dataSource, catalog, options).append(StreamId.of("order", "o-1"), ExpectedVersion.noStream(),
                List.of(new OrderPlaced("o-1", 100, "EUR"), new OrderShipped("o-1", "ups")));
        for (int version = 1; version <= 2; version++) {
            ProjectionRunner.Builder builder = ProjectionRunner.builder(dataSource, ReplicationConnection.of(url))
                    .slot("it_shop_rebuild").catalog(catalog).storeOptions(options).projection(new OrderCount());
            if (version == 2) {
                builder.projection(new OrderCountV2());
            }
            try (ProjectionRunner runner = builder.build()) {
                runner.start();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (runner.currentVersion("order-count").orElse(0) != version) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("version " + version + " of order-count did not become"
                                + " current: " + runner.status());
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static void runUntilApplied(PGSimpleDataSource dataSource, String url, Catalog catalog,
            EventStoreOptions options, String slot, long applied, int parked) throws InterruptedException {
        ProjectionOptions park = ProjectionOptions.defaults().withRetries(2, Duration.ofMillis(10),
                Duration.ofMillis(20)).withPoisonPolicy(PoisonPolicy.PARK);
        try (ProjectionRunner runner = ProjectionRunner.builder(dataSource, ReplicationConnection.of(url)).slot(slot)
                .catalog(catalog).storeOptions(options).projection(new OrderCount(), park).build()) {
            runner.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (runner.status().projection("order-count").orElseThrow().applied() < applied
                    || runner.parkedEvents("order-count").size() < parked) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order-count did not apply " + applied + " events: "
                            + runner.status());
                }
                Thread.sleep(50);
            }
        }
    }
}
