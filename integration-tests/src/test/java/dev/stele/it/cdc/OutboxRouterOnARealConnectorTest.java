package dev.stele.it.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.OutboxEvent;
import dev.stele.cdc.OutboxRecordException;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.demo.Database;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.Everything;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.ParcelShipped;
import dev.stele.it.events.ProfileUpdated;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.StreamId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stele's outbox through the real Debezium 3.6.1 embedded engine and its Outbox Event Router, read back with
 * {@link OutboxRouterRecords}: events of two categories and three event types appended by a real
 * {@link EventStore}, one of them stored as an older version ({@code ParcelShipped} v1) that the catalog
 * upcasts, each record decoding to exactly the event appended, with the event id in header {@code id}, the
 * stream id as key and topic {@code outbox.event.<category>}. Once per payload form: the JSON string (the
 * router's default), the expanded JSON, and both inside the JsonConverter's schema envelope.
 */
class OutboxRouterOnARealConnectorTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final OutboxRouterRecords READER = OutboxRouterRecords.of(CATALOG);
    private static final String SLOT = "stele_it_cdc_outbox";
    private static final String PUBLICATION = "stele_it_cdc_outbox_pub";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant SHIPPED_AT = Instant.parse("2026-01-31T10:15:30.123456Z");

    private String schema;
    private EventStore store;
    private Connection sql;

    /** What was appended: the event id, category, stream id, stored version and the latest-version event. */
    private record Appended(UUID id, String category, String streamId, String name, int storedVersion, Object latest) {
    }

    @BeforeEach
    void createStoreSlotAndPublication() throws Exception {
        schema = "it_outbox_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        store = EventStore.create(Database.dataSource(), CATALOG, EventStoreOptions.defaults().withSchema(schema));
        sql = Database.dataSource().getConnection();
        EmbeddedDebezium.createSlotAndPublication(sql, SLOT, PUBLICATION, outbox());
    }

    @AfterEach
    void dropSlotAndPublication() throws Exception {
        try {
            EmbeddedDebezium.dropSlotAndPublication(sql, SLOT, PUBLICATION);
        } finally {
            sql.close();
        }
    }

    private String outbox() {
        return schema + ".stele_outbox";
    }

    private Properties router(Map<String, String> settings) {
        Properties props = EmbeddedDebezium.properties("stele-it-cdc-outbox", SLOT, PUBLICATION);
        props.setProperty("table.include.list", outbox());
        props.setProperty("converter.schemas.enable", "false");
        props.setProperty("transforms", "outbox");
        props.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        props.setProperty("transforms.outbox.table.fields.additional.placement", OutboxRouterRecords.ROUTER_PLACEMENT);
        settings.forEach(props::setProperty);
        return props;
    }

    @Test
    void thePayloadAsAJsonStringDecodesToTheEventsAppended() throws Exception {
        assertEveryRecordDecodes(Map.of(), "\"{\\\"owner\\\": \\\"Ada");
    }

    @Test
    void theExpandedPayloadDecodesToTheEventsAppended() throws Exception {
        assertEveryRecordDecodes(Map.of("transforms.outbox.table.expand.json.payload", "true"), "{\"owner\":\"Ada");
    }

    @Test
    void thePayloadStringInTheConvertersSchemaEnvelopeDecodesToTheEventsAppended() throws Exception {
        assertEveryRecordDecodes(Map.of("converter.schemas.enable", "true"),
                "{\"schema\":{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Json\"");
    }

    @Test
    void theExpandedPayloadInTheConvertersSchemaEnvelopeDecodesToTheEventsAppended() throws Exception {
        assertEveryRecordDecodes(Map.of("converter.schemas.enable", "true",
                "transforms.outbox.table.expand.json.payload", "true"), "{\"schema\":{\"type\":\"struct\"");
    }

    @Test
    void withoutTheNameAndVersionPlacementTheErrorSaysWhichSettingToAdd() throws Exception {
        Properties props = router(Map.of());
        props.remove("transforms.outbox.table.fields.additional.placement");
        UUID id = UUID.randomUUID();
        EmbeddedDebezium.Captured record;
        try (EmbeddedDebezium debezium = EmbeddedDebezium.start(props)) {
            store.append(StreamId.of("account", "a-9"), ExpectedVersion.noStream(),
                    List.of(new NewEvent(id, new AccountOpened("a-9", "Grace"), EventMetadata.empty())));
            record = debezium.await(1, TIMEOUT).get(0);
        }

        assertThat(record.headers()).containsKey("id").doesNotContainKeys("eventType", "eventVersion");
        OutboxRecordException e = failure(record);
        assertThat(e.problem()).isEqualTo(OutboxRecordException.Problem.MISSING_HEADER);
        assertThat(e.header()).contains("eventType");
        assertThat(e.eventId()).contains(id);
        assertThat(e).hasMessageContaining("add 'type:header:eventType' to the router's table.fields.additional.placement"
                + " (Stele expects " + OutboxRouterRecords.ROUTER_PLACEMENT + ")");
    }

    /**
     * What {@code table.expand.json.payload=true} does to a payload, measured: Debezium drops {@code null}
     * fields and empty arrays and writes a decimal as a double ({@code 0.00} as {@code 0.0}), which the
     * reader's tolerance ({@code @Default}, absent optional) gives back; a payload it cannot infer a schema for
     * (here an array holding an empty array) it leaves as the JSON string, with a warning, which the reader
     * reads as well.
     */
    @Test
    void underExpansionNullsAndEmptyArraysGoAndAPayloadTheRouterCannotExpandStaysAString() throws Exception {
        ProfileUpdated profile = new ProfileUpdated("u-1", "Ada", "fr", 1, Instant.EPOCH, LocalDate.EPOCH,
                new UUID(0, 1), new BigDecimal("0.00"), List.of(), Map.of(), ProfileUpdated.Tier.GOLD,
                ProfileUpdated.Status.ACTIVE, Optional.empty());
        Everything everything = everything("acc-1");
        List<EmbeddedDebezium.Captured> records;
        try (EmbeddedDebezium debezium = EmbeddedDebezium.start(router(Map.of(
                "transforms.outbox.table.expand.json.payload", "true")))) {
            store.append(StreamId.of("profile", "u-1"), ExpectedVersion.noStream(), List.of(profile));
            store.append(StreamId.of("everything", "acc-1"), ExpectedVersion.noStream(), List.of(everything));
            records = debezium.await(2, TIMEOUT);
        }

        String expanded = records.get(0).value();
        assertThat(expanded).startsWith("{").contains("\"fee\":0.0,").doesNotContain("interests", "bio");
        assertThat(read(records.get(0)).event()).isEqualTo(profile);
        assertThat(records.get(1).value()).startsWith("\"{");
        assertThat(read(records.get(1)).event()).usingRecursiveComparison().isEqualTo(everything);
    }

    private static OutboxEvent read(EmbeddedDebezium.Captured record) {
        return READER.read(record.keyBytes(), record.valueBytes(), record.headerBytes());
    }

    /** Every supported type, and a list holding an empty list, which Debezium cannot infer a schema for. */
    private static Everything everything(String id) {
        return new Everything(new Everything.AccountId(id), true, -7, 1_234_567_890_123L, 0.25f, -1e300, false, 42,
                Long.MIN_VALUE, Float.MAX_VALUE, Double.MIN_VALUE, "Grüße, 世界 🎉",
                Instant.parse("2026-11-26T14:29:35.123456Z"), LocalDate.of(1969, 7, 20),
                LocalDateTime.of(2000, 1, 1, 0, 0, 0, 999_999_000), UUID.fromString("00000000-0000-0001-8000-00000000000f"),
                new BigDecimal("-1234567890.12"), new byte[] {0, -1, 127, -128}, Everything.Color.GREEN,
                Optional.of("maybe"), Optional.of(new Everything.Money(500)), null,
                new Everything.Address("1 Main St", "Springfield", Optional.empty(), List.of("c/o Homer")),
                List.of("a", "", "c"), Set.of(3, 1, 2), Map.of("x", 1L, "y", -1L), List.of(List.of(), List.of("deep")),
                Map.of("home", List.of(new Everything.Address("2 Elm", "Shelbyville", Optional.of("12345"), List.of()))),
                List.of(new BigDecimal("1.500"), new BigDecimal("-0.001")), List.of(Everything.Color.BLUE),
                List.of(new Everything.AccountId("acc-2")),
                new Everything.Address("3 Oak", "Ogdenville", Optional.of("999"), List.of()), new Everything.Money(-1));
    }

    private static OutboxRecordException failure(EmbeddedDebezium.Captured record) {
        try {
            READER.read(record.keyBytes(), record.valueBytes(), record.headerBytes());
        } catch (OutboxRecordException e) {
            return e;
        }
        throw new AssertionError("read without the name and version headers");
    }

    /** {@code valueStart}: how the first record's value starts, proving which form the router and converter wrote. */
    private void assertEveryRecordDecodes(Map<String, String> settings, String valueStart) throws Exception {
        List<Appended> appended = new ArrayList<>();
        List<EmbeddedDebezium.Captured> records;
        try (EmbeddedDebezium debezium = EmbeddedDebezium.start(router(settings))) {
            appended.addAll(append("account", "a-1", List.of(new AccountOpened("a-1", "Ada \"the\" first ü"),
                    new MoneyDeposited("a-1", 500))));
            appended.addAll(append("parcel", "p-1", List.of(parcelV1("p-1", 2.5),
                    new ParcelShipped("p-1", 1200, "DHL", SHIPPED_AT, true))));
            records = debezium.await(appended.size(), TIMEOUT);
            Thread.sleep(200);
            assertThat(debezium.pending()).as("records beyond the appended events").isZero();
        }

        assertThat(appended).extracting(Appended::storedVersion).containsExactly(1, 1, 1, 3);
        assertThat(records.get(0).value()).as("the form of the value").startsWith(valueStart);
        for (int i = 0; i < appended.size(); i++) {
            Appended expected = appended.get(i);
            EmbeddedDebezium.Captured record = records.get(i);

            OutboxEvent event = read(record);

            assertThat(record.topic()).isEqualTo("outbox.event." + expected.category());
            assertThat(event).isEqualTo(new OutboxEvent(expected.id(), Optional.of(expected.category()),
                    expected.streamId(), expected.name(), expected.storedVersion(), expected.latest()));
        }
    }

    /** Appends with known ids; the latest-version event each stored one reads as. */
    private List<Appended> append(String category, String streamId, List<Object> events) {
        List<NewEvent> news = new ArrayList<>();
        List<Appended> appended = new ArrayList<>();
        for (Object event : events) {
            NewEvent news1 = new NewEvent(UUID.randomUUID(), event, EventMetadata.empty());
            news.add(news1);
            var type = CATALOG.eventType(event.getClass());
            var json = CATALOG.toJson(event);
            appended.add(new Appended(news1.eventId(), category, streamId, type.name(), type.version(),
                    CATALOG.fromJson(json.name(), json.version(), json.payload())));
        }
        store.append(StreamId.of(category, streamId), ExpectedVersion.noStream(), news);
        return appended;
    }

    /** {@code ParcelShipped} v1, a package-private record of the test events. */
    private static Object parcelV1(String id, double weightKg) throws Exception {
        var constructor = Class.forName("dev.stele.it.events.ParcelShippedV1").getDeclaredConstructor(String.class,
                double.class);
        constructor.setAccessible(true);
        Object v1 = constructor.newInstance(id, weightKg);
        assertThat(CATALOG.fromJson("ParcelShipped", 1, CATALOG.toJson(v1).payload()))
                .isEqualTo(new ParcelShipped(id, 2500, "unknown", Instant.EPOCH, false));
        return v1;
    }
}
