package dev.stele.demo;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.SerializedEvent;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.RowChange;
import dev.stele.demo.customers.MailingList;
import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import dev.stele.demo.orders.Order;
import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderTotals;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.Inspector;
import dev.stele.inspect.Replay;
import dev.stele.inspect.format.ReplayMermaid;
import dev.stele.inspect.format.StatusText;
import dev.stele.replication.ProjectionOptions;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.Publisher;
import dev.stele.relay.RelayStatus;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.RunnerStatus;
import dev.stele.spi.EventType;
import dev.stele.store.AggregateRepository;
import dev.stele.store.AllSlice;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.Loaded;
import dev.stele.store.Position;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The README's demo: the code the processor generated for {@code dev.stele.demo.orders} at work, then
 * the event store on PostgreSQL (embedded unless {@code STELE_JDBC_URL} names a server), a live projection,
 * the outbox relay, a plain table's changes as typed events ({@code dev.stele.demo.customers}), and last what
 * {@link Inspector} reads of it all: the status of the slots and projections, and a stream replayed as a diagram.
 * Run with {@code mvn -q -DskipTests -Pdemo verify}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Catalog catalog = Catalog.load();
        codecs(catalog);
        StreamId shipped = store(catalog);
        projection(catalog);
        relay(catalog);
        tables(catalog);
        inspect(catalog, shipped);
    }

    /** The generated codecs, without a database. */
    private static void codecs(Catalog catalog) {
        section("The catalog the processor generated (stele-processor on the processor path, stele-runtime on the"
                + " class path: no database needed)");
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

    /** The event store on PostgreSQL: aggregates, a stream, $all, a conflict retried. Returns the shipped order's stream. */
    private static StreamId store(Catalog catalog) {
        section("The event store (stele-postgres) on " + Database.describe());
        EventStore store = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema("stele_demo"));
        AggregateRepository<Order> orders = store.aggregates(Order.class);
        String id = "o-" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        orders.update(id, order -> List.of(new OrderPlaced(new OrderId(id),
                UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada@example.com", 12_990, "EUR", now,
                Channel.WEB, List.of(new OrderLine("BOOK-1", "Notes on the Analytical Engine", 1, 12_990)),
                Optional.empty(), Shipping.STANDARD)));
        orders.update(id, order -> order.pay("pay-1", 2_990, now.plusSeconds(60)));
        orders.update(id, order -> order.pay("pay-2", 10_000, now.plusSeconds(120)));
        Loaded<Order> shipped = orders.update(id, order -> order.ship("DHL", now.plusSeconds(3600)));
        System.out.println("  " + shipped.state() + " at version " + shipped.version());

        section("The stream " + orders.stream(id));
        for (RecordedEvent event : store.readStream(orders.stream(id), 1, 100)) {
            System.out.printf("  v%d %-12s %s%n", event.streamVersion(), event.eventName(), event.event());
        }

        section("$all, in commit-safe order (position@transaction)");
        Position cursor = Position.START;
        AllSlice slice;
        do {
            slice = store.readAll(cursor, 2);
            for (RecordedEvent event : slice.events()) {
                if (event.stream().equals(orders.stream(id))) {
                    System.out.printf("  %-14s %s v%d %s%n", event.position(), event.stream(), event.streamVersion(),
                            event.eventName());
                }
            }
            cursor = slice.next();
        } while (!slice.isEmpty());

        section("A concurrency conflict, retried");
        String contested = id + "-2";
        orders.update(contested, order -> List.of(new OrderPlaced(new OrderId(contested),
                UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada@example.com", 5_000, "EUR", now,
                Channel.STORE, List.of(), Optional.empty(), Shipping.EXPRESS)));
        AtomicInteger attempts = new AtomicInteger();
        Loaded<Order> paid = orders.update(contested, order -> {
            if (attempts.incrementAndGet() == 1) {
                // a second clerk's payment lands between this load and its append
                store.append(orders.stream(contested), ExpectedVersion.exactly(1),
                        List.of(new OrderPaid(new OrderId(contested), "clerk-2", 1_000, now)));
                System.out.println("  another clerk paid 1000 while this command ran: its append will conflict");
            }
            System.out.println("  attempt " + attempts.get() + " sees " + order.paidMinor() + " paid, pays the rest");
            return order.pay("clerk-1", order.totalMinor() - order.paidMinor(), now);
        });
        System.out.println("  " + paid.state() + " after " + attempts.get() + " attempts, version " + paid.version());
        return orders.stream(id);
    }

    /** A live projection fed by the replication slot, and what it reports of itself. */
    private static void projection(Catalog catalog) throws Exception {
        section("A live projection (order-totals) fed by the replication slot");
        EventStore store = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema("stele_demo"));
        OrderTotals totals = new OrderTotals("stele_demo");
        try (Connection connection = Database.dataSource().getConnection()) {
            totals.createTable(connection);
        }
        try (ProjectionRunner runner = ProjectionRunner.builder(store, ReplicationConnection.of(Database.jdbcUrl()))
                .slot("stele_demo").projection(totals, ProjectionOptions.defaults().withPartitions(2)).build()) {
            runner.start();
            AggregateRepository<Order> orders = store.aggregates(Order.class);
            String run = Long.toString(System.currentTimeMillis(), 36);
            Instant now = Instant.parse("2026-11-26T12:00:00Z");
            for (int i = 1; i <= 3; i++) {
                String id = "p-" + run + "-" + i;
                long total = 1_000L * i;
                orders.update(id, order -> List.of(new OrderPlaced(new OrderId(id),
                        UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada@example.com", total, "EUR", now,
                        Channel.WEB, List.of(new OrderLine("BOOK-1", "Notes", 1, total)), Optional.empty(),
                        Shipping.STANDARD)));
                orders.update(id, order -> order.pay("pay-" + id, total / 2, now.plusSeconds(60)));
            }
            System.out.println("  appended 3 orders with a payment each; the projection applies them as they commit");
            String last = "p-" + run + "-3";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (paidOf(last) < 1_500 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            try (Connection connection = Database.dataSource().getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT order_id, total_minor, paid_minor,"
                            + " currency, shipped FROM stele_demo.order_totals WHERE order_id LIKE ? ORDER BY order_id")) {
                query.setString(1, "p-" + run + "-%");
                try (ResultSet rows = query.executeQuery()) {
                    System.out.println("  order_id              total   paid  currency shipped");
                    while (rows.next()) {
                        System.out.printf("  %-20s %6d %6d  %-8s %s%n", rows.getString(1), rows.getLong(2),
                                rows.getLong(3), rows.getString(4), rows.getBoolean(5));
                    }
                }
            }
            RunnerStatus status = runner.status();
            ProjectionStatus projection = status.projection("order-totals").orElseThrow();
            System.out.println("  runner " + status.state() + " on slot " + status.slotName() + status.slot()
                    .map(slot -> ", wal_status " + slot.walStatus() + ", WAL retained " + slot.walRetainedBytes()
                            + " bytes").orElse(""));
            System.out.println("  order-totals " + projection.state() + ": " + projection.applied() + " events applied"
                    + ", checkpoint " + projection.checkpoint() + ", lag " + projection.lagBytes() + " bytes / "
                    + projection.lagTime().toMillis() + " ms / " + projection.lagEvents() + " events");
        }
    }

    /** A plain table's changes as typed events: through Stele's slot into a projection, and as Debezium writes them. */
    /**
     * The outbox relay: every order event appended leaves through the slot to a publisher, here one that prints;
     * with {@code stele-kafka}, {@code KafkaPublisher.builder(producerProperties).build()} sends the same records
     * to {@code outbox.event.order}, keyed by order id, with the event id in header {@code id}.
     */
    private static void relay(Catalog catalog) throws Exception {
        section("The outbox relay: orders leave the database through the slot, at least once, in commit order");
        EventStore store = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema("stele_demo"));
        List<OutboxRecord> published = new CopyOnWriteArrayList<>();
        Publisher printing = Publisher.synchronous(record -> {
            published.add(record);
            System.out.printf("  -> outbox.event.%s  key %-16s id %s  %s v%d %s%n", record.aggregateType(),
                    record.aggregateId(), record.id().toString().substring(0, 8) + "…", record.type(),
                    record.eventVersion(), record.payload().length() > 60 ? record.payload().substring(0, 57) + "..."
                            : record.payload());
        });
        try (OutboxRelay relay = OutboxRelay.builder(store, ReplicationConnection.of(Database.jdbcUrl()))
                .slot("stele_demo_relay").publisher(printing).build()) {
            relay.start();
            AggregateRepository<Order> orders = store.aggregates(Order.class);
            String id = "r-" + Long.toString(System.currentTimeMillis(), 36);
            Instant now = Instant.parse("2026-11-26T12:00:00Z");
            orders.update(id, order -> List.of(new OrderPlaced(new OrderId(id),
                    UUID.fromString("5f0c1e52-8a52-4f7e-9b1c-3c2f1c6f0a11"), "ada@example.com", 2_500, "EUR", now,
                    Channel.WEB, List.of(new OrderLine("BOOK-2", "Sketches", 1, 2_500)), Optional.empty(),
                    Shipping.EXPRESS)));
            orders.update(id, order -> order.pay("pay-" + id, 2_500, now.plusSeconds(30)));
            System.out.println("  appended an order and its payment; the outbox rows were deleted in the same"
                    + " transaction, the slot kept them");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (published.stream().filter(r -> r.aggregateId().equals(id)).count() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            RelayStatus status = relay.status();
            System.out.println("  relay " + status.state() + " on slot " + status.slotName() + ": " + status.published()
                    + " published, " + status.inFlight() + " in flight, confirmed " + status.confirmed()
                    + status.slot().map(slot -> ", WAL retained " + slot.walRetainedBytes() + " bytes").orElse(""));
            System.out.println("  to Kafka instead (stele-kafka): .publisher(KafkaPublisher.builder(Map.of(\"bootstrap.servers\","
                    + " brokers)).build()): topic outbox.event.order, key = order id, header id = event id");
        }
    }

    private static void tables(Catalog catalog) throws Exception {
        section("A plain table's changes as typed events (@FromTable), through the slot into a projection");
        EventStore store = EventStore.create(Database.dataSource(), catalog,
                EventStoreOptions.defaults().withSchema("stele_demo"));
        MailingList mailingList = new MailingList("stele_demo");
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS demo_crm");
            statement.execute("CREATE TABLE IF NOT EXISTS demo_crm.customers (id bigint PRIMARY KEY, email text NOT NULL,"
                    + " name text, created_at timestamptz NOT NULL DEFAULT now())");
            mailingList.createTable(connection);
        }
        long first = System.currentTimeMillis() % 1_000_000_000L * 10;
        try (ProjectionRunner runner = ProjectionRunner.builder(store, ReplicationConnection.of(Database.jdbcUrl()))
                .slot("stele_demo_crm").projection(mailingList, ProjectionOptions.defaults()).build()) {
            runner.start();
            awaitState(runner, "mailing-list", ProjectionStatus.State.LIVE);
            try (Connection connection = Database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO demo_crm.customers (id, email, name) VALUES (" + first
                        + ", 'ada@example.com', 'Ada'), (" + (first + 1) + ", 'grace@example.com', NULL), ("
                        + (first + 2) + ", 'edsger@example.com', 'Edsger')");
                statement.execute("UPDATE demo_crm.customers SET email = 'ada@lovelace.example' WHERE id = " + first);
                statement.execute("DELETE FROM demo_crm.customers WHERE id = " + (first + 2));
            }
            System.out.println("  the CRM inserted 3 customers, changed an email and deleted one, in plain SQL");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (runner.status().projection("mailing-list").orElseThrow().applied() < 5
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            try (Connection connection = Database.dataSource().getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT customer_id, email, source FROM"
                            + " stele_demo.mailing_list WHERE customer_id >= ? ORDER BY customer_id")) {
                query.setLong(1, first);
                try (ResultSet rows = query.executeQuery()) {
                    System.out.println("  mailing_list: customer_id  email                  from");
                    while (rows.next()) {
                        System.out.printf("                %-12d %-22s %s%n", rows.getLong(1), rows.getString(2),
                                rows.getString(3));
                    }
                }
            }
            System.out.println("  mailing-list " + runner.status().projection("mailing-list").orElseThrow().applied()
                    + " changes applied, once each, as CustomerRegistered, CustomerEmailChanged, CustomerRemoved");
        }

        section("The same table's changes as Debezium writes them, read with DebeziumChanges");
        DebeziumChanges changes = DebeziumChanges.of(catalog);
        String inserted = "{\"before\":null,\"after\":{\"id\":7,\"email\":\"ada@example.com\",\"name\":\"Ada\","
                + "\"created_at\":\"2026-11-26T12:00:00.123456Z\"},\"source\":{\"connector\":\"postgresql\","
                + "\"ts_ms\":1764158400123,\"snapshot\":\"false\",\"schema\":\"demo_crm\",\"table\":\"customers\","
                + "\"txId\":771,\"lsn\":23456789},\"op\":\"c\",\"ts_ms\":1764158400200}";
        System.out.println("  value " + inserted);
        RowChange row = (RowChange) changes.read(inserted);
        System.out.println("  read  " + row.operation() + " " + row.event() + " at " + row.source().lsn().orElseThrow()
                + " in transaction " + row.source().transactionId().getAsLong());
        String toasted = inserted.replace("\"op\":\"c\"", "\"op\":\"u\"").replace("\"ada@example.com\"",
                "\"__debezium_unavailable_value\"");
        try {
            changes.read(toasted);
        } catch (ChangeEventException e) {
            System.out.println("  an update whose email Debezium did not have: " + e.getClass().getSimpleName() + " ("
                    + e.problem() + ")");
            System.out.println("    " + e.getMessage());
        }
    }

    /**
     * What {@link Inspector} reads of the database once the runners and the relay are closed, as {@code stele:status}
     * and {@code stele:replay -Dstele.format=mermaid} print it.
     */
    private static void inspect(Catalog catalog, StreamId stream) {
        Inspector inspector = Inspector.of(Database.dataSource(), EventStoreOptions.defaults().withSchema("stele_demo"),
                catalog);
        section("Inspector.status(): the slots and projections (StatusText, as stele:status prints them)");
        System.out.println("  (the runners and the relay are closed: no slot is active, and each lag is the log written"
                + " since what its reader last confirmed or applied)");
        InspectionStatus status = inspector.status();
        System.out.println(indent(StatusText.status(status)));

        section("Inspector.replay(" + stream + ") as a Mermaid diagram (ReplayMermaid, or stele:replay"
                + " -Dstele.format=mermaid): the Order after each event, in a block to paste into Markdown");
        Replay replay = inspector.replay(stream, 1, 100);
        System.out.println(indent("```mermaid\n" + ReplayMermaid.diagram(replay) + "```"));
    }

    private static String indent(String text) {
        return text.strip().lines().map(line -> line.isEmpty() ? line : "  " + line)
                .collect(Collectors.joining("\n"));
    }

    private static void awaitState(ProjectionRunner runner, String projection, ProjectionStatus.State wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (runner.status().projection(projection).map(ProjectionStatus::state).orElse(null) != wanted
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static long paidOf(String orderId) throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT paid_minor FROM stele_demo.order_totals WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
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
