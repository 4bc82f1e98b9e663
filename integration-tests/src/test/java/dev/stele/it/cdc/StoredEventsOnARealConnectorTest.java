package dev.stele.it.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.SkippedChange;
import dev.stele.cdc.StoredEvent;
import dev.stele.cdc.StoredEventChanges;
import dev.stele.cdc.TableChange;
import dev.stele.demo.Database;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.ParcelShipped;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stele's own events table captured by the real Debezium 3.6.1 engine (no router), read back with
 * {@link StoredEventChanges}: each insert is the event appended, upcast from the version it was stored in, with
 * its id, stream and position; with and without the converter's schema envelope.
 */
class StoredEventsOnARealConnectorTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final String SLOT = "stele_it_cdc_events";
    private static final String PUBLICATION = "stele_it_cdc_events_pub";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private String schema;
    private EventStore store;
    private Connection sql;

    @BeforeEach
    void createStoreSlotAndPublication() throws Exception {
        schema = "it_events_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        store = EventStore.create(Database.dataSource(), CATALOG,
                EventStoreOptions.defaults().withSchema(schema).withOutbox(false));
        sql = Database.dataSource().getConnection();
        EmbeddedDebezium.createSlotAndPublication(sql, SLOT, PUBLICATION, schema + ".stele_events");
    }

    @AfterEach
    void dropSlotAndPublication() throws Exception {
        try {
            EmbeddedDebezium.dropSlotAndPublication(sql, SLOT, PUBLICATION);
        } finally {
            sql.close();
        }
    }

    @Test
    void insertsWithoutTheSchemaEnvelopeAreTheEventsAppended() throws Exception {
        assertEveryInsertIsItsEvent(false);
    }

    @Test
    void insertsWithTheSchemaEnvelopeAreTheEventsAppended() throws Exception {
        assertEveryInsertIsItsEvent(true);
    }

    private void assertEveryInsertIsItsEvent(boolean schemas) throws Exception {
        Properties props = EmbeddedDebezium.properties("stele-it-cdc-events", SLOT, PUBLICATION);
        props.setProperty("table.include.list", schema + "\\.stele_events");
        props.setProperty("converter.schemas.enable", Boolean.toString(schemas));
        UUID opened = UUID.randomUUID();
        UUID deposited = UUID.randomUUID();
        UUID shipped = UUID.randomUUID();
        UUID shippedV1 = UUID.randomUUID();
        List<EmbeddedDebezium.Captured> records;
        try (EmbeddedDebezium debezium = EmbeddedDebezium.start(props)) {
            store.append(StreamId.of("account", "a-1"), ExpectedVersion.noStream(), List.of(
                    new NewEvent(opened, new AccountOpened("a-1", "Ada ü"), EventMetadata.empty()),
                    new NewEvent(deposited, new MoneyDeposited("a-1", 500), EventMetadata.empty())));
            store.append(StreamId.of("parcel", "p-1"), ExpectedVersion.noStream(), List.of(new NewEvent(shipped,
                    new ParcelShipped("p-1", 1200, "DHL", Instant.parse("2026-01-31T10:15:30.123456Z"), true),
                    EventMetadata.empty())));
            store.append(StreamId.of("parcel", "p-2"), ExpectedVersion.noStream(), List.of(new NewEvent(shippedV1,
                    parcelV1("p-2", 2.5), EventMetadata.empty())));
            records = debezium.await(4, TIMEOUT);
        }
        StoredEventChanges events = StoredEventChanges.of(CATALOG).withTable(schema + ".stele_events");

        List<StoredEvent> read = records.stream().map(record -> (RowChange) events.read(record.value()))
                .peek(row -> assertThat(row.operation()).isEqualTo(Operation.INSERT))
                .map(row -> row.event(StoredEvent.class)).toList();

        assertThat(read).extracting(StoredEvent::eventId).containsExactly(opened, deposited, shipped, shippedV1);
        assertThat(read).extracting(StoredEvent::event).containsExactly(new AccountOpened("a-1", "Ada ü"),
                new MoneyDeposited("a-1", 500),
                new ParcelShipped("p-1", 1200, "DHL", Instant.parse("2026-01-31T10:15:30.123456Z"), true),
                new ParcelShipped("p-2", 2500, "unknown", Instant.EPOCH, false));
        assertThat(read).extracting(StoredEvent::storedVersion).containsExactly(1, 1, 3, 1);
        assertThat(read.get(1).streamCategory()).isEqualTo("account");
        assertThat(read.get(1).streamId()).isEqualTo("a-1");
        assertThat(read.get(1).streamVersion()).isEqualTo(2);
        assertThat(read.get(1).globalPosition()).isGreaterThan(read.get(0).globalPosition());
        assertThat(records.get(0).value().startsWith("{\"schema\"")).isEqualTo(schemas);
        TableChange otherTable = StoredEventChanges.of(CATALOG).read(records.get(0).value());
        assertThat(otherTable).isInstanceOfSatisfying(SkippedChange.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkippedChange.Reason.NOT_MAPPED));
    }

    /** {@code ParcelShipped} v1, a package-private record of the test events. */
    private static Object parcelV1(String id, double weightKg) throws Exception {
        var constructor = Class.forName("dev.stele.it.events.ParcelShippedV1").getDeclaredConstructor(String.class,
                double.class);
        constructor.setAccessible(true);
        return constructor.newInstance(id, weightKg);
    }
}
