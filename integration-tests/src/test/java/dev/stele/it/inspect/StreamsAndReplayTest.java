package dev.stele.it.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.inspect.CategorySummary;
import dev.stele.inspect.DatabaseUnreachableException;
import dev.stele.inspect.Inspector;
import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;
import dev.stele.inspect.SchemaNotMigratedException;
import dev.stele.inspect.StreamFilter;
import dev.stele.inspect.StreamSummary;
import dev.stele.inspect.UnknownStreamException;
import dev.stele.inspect.format.ReplayJson;
import dev.stele.inspect.format.ReplayMermaid;
import dev.stele.inspect.format.ReplayText;
import dev.stele.inspect.format.StatusText;
import dev.stele.it.events.Account;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.events.ParcelShipped;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.StreamId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class StreamsAndReplayTest {

    private final InspectFixture fixture = new InspectFixture();
    private final Inspector inspector = fixture.inspector;

    @Test
    void streamsAndCategoriesCountWhatTheEventsTableHolds() throws Exception {
        open("a-1", "Ann");
        deposit("a-1", 500);
        open("a-2", "Bob");
        open("ab-3", "Cy");
        deposit("ab-3", 1);
        deposit("ab-3", 2);
        fixture.store.append(StreamId.of("parcel", "p-1"), ExpectedVersion.any(),
                List.of(new ParcelShipped("p-1", 1200, "dhl", Instant.EPOCH, true)));

        String truth = "SELECT stream_category || '-' || stream_id, count(*), max(stream_version),"
                + " (extract(epoch FROM min(recorded_at)) * 1000000)::bigint,"
                + " (extract(epoch FROM max(recorded_at)) * 1000000)::bigint FROM " + fixture.schema + ".stele_events";
        String order = " GROUP BY stream_category, stream_id ORDER BY stream_category, stream_id";
        assertThat(rows(inspector.streams(StreamFilter.all()))).isEqualTo(InspectFixture.rows(truth + order))
                .hasSize(4);
        assertThat(rows(inspector.streams(StreamFilter.all().inCategory("account"))))
                .isEqualTo(InspectFixture.rows(truth + " WHERE stream_category = 'account'" + order)).hasSize(3);
        assertThat(rows(inspector.streams(StreamFilter.all().inCategory("account").withIdPrefix("a-"))))
                .isEqualTo(InspectFixture.rows(truth + " WHERE stream_id LIKE 'a-%'" + order)).hasSize(2);
        assertThat(rows(inspector.streams(StreamFilter.all().withId("ab-3"))))
                .isEqualTo(InspectFixture.rows(truth + " WHERE stream_id = 'ab-3'" + order))
                .containsExactly(rows(inspector.streams(StreamFilter.all().withIdPrefix("ab"))).get(0));
        assertThat(inspector.streams(StreamFilter.all().limit(2))).extracting(s -> s.stream().toString())
                .containsExactly("account-a-1", "account-a-2");
        assertThat(inspector.streams(StreamFilter.all().withId("a"))).as("an exact id is not a prefix").isEmpty();

        List<CategorySummary> categories = inspector.categories();
        assertThat(categories).extracting(c -> c.category() + "|" + c.streams() + "|" + c.events() + "|"
                + micros(c.firstRecordedAt()) + "|" + micros(c.lastRecordedAt()))
                .isEqualTo(InspectFixture.rows("SELECT stream_category, count(DISTINCT stream_id), count(*),"
                        + " (extract(epoch FROM min(recorded_at)) * 1000000)::bigint,"
                        + " (extract(epoch FROM max(recorded_at)) * 1000000)::bigint FROM " + fixture.schema
                        + ".stele_events GROUP BY stream_category ORDER BY stream_category"));
        assertThat(categories).extracting(CategorySummary::events).containsExactly(6L, 1L);

        System.out.println(StatusText.categories(categories));
        System.out.println(StatusText.streams(inspector.streams(StreamFilter.all().inCategory("account"))));
    }

    @Test
    void aReplayGivesTheEventsUpcastToTheLatestVersionWithTheirMetadata() throws Exception {
        // versions 1 and 2 as an earlier release stored them, then version 3 through the store
        String events = fixture.schema + ".stele_events";
        InspectFixture.execute("INSERT INTO " + events + " (event_id, stream_category, stream_id, stream_version,"
                + " event_name, event_version, payload, metadata) VALUES"
                + " (gen_random_uuid(), 'parcel', 'p-7', 1, 'ParcelShipped', 1, '{\"parcelId\":\"p-7\",\"weightKg\":1.5}',"
                + " '{\"correlationId\":\"req-1\"}'),"
                + " (gen_random_uuid(), 'parcel', 'p-7', 2, 'ParcelShipped', 2, '{\"parcelId\":\"p-7\",\"weightKg\":0.7,"
                + " \"carrier\":\"dhl\",\"shippedAt\":\"2026-01-02T03:04:05Z\"}', '{}');"
                + " INSERT INTO " + fixture.schema + ".stele_streams VALUES ('parcel', 'p-7', 2, pg_current_xact_id())");
        ParcelShipped latest = new ParcelShipped("p-7", 20, "ups", Instant.parse("2026-02-03T04:05:06Z"), true);
        fixture.store.append(StreamId.of("parcel", "p-7"), ExpectedVersion.exactly(2), List.of(NewEvent.of(latest,
                EventMetadata.empty().withCorrelationId("req-2").withCausationId("cmd-9"))));

        Replay replay = inspector.replay(StreamId.of("parcel", "p-7"), 1, 10);

        assertThat(replay.streamVersion()).isEqualTo(3);
        assertThat(replay.aggregate()).isEmpty();
        assertThat(replay.events()).extracting(ReplayedEvent::event).containsExactly(
                new ParcelShipped("p-7", 1500, "unknown", Instant.EPOCH, false),
                new ParcelShipped("p-7", 700, "dhl", Instant.parse("2026-01-02T03:04:05Z"), false), latest);
        assertThat(replay.events()).extracting(ReplayedEvent::storedVersion).containsExactly(1, 2, 3);
        assertThat(replay.events()).extracting(ReplayedEvent::latestVersion).containsExactly(3, 3, 3);
        assertThat(replay.events()).extracting(ReplayedEvent::correlationId).containsExactly("req-1", null, "req-2");
        assertThat(replay.events().get(2).causationId()).isEqualTo("cmd-9");
        assertThat(replay.events()).extracting(e -> e.eventId().toString())
                .isEqualTo(InspectFixture.rows("SELECT event_id FROM " + events + " ORDER BY stream_version"));
        assertThat(replay.events().get(0).eventJson()).contains("\"weightGrams\":1500");

        Replay tail = inspector.replay(StreamId.of("parcel", "p-7"), 2, 1);
        assertThat(tail.events()).extracting(ReplayedEvent::streamVersion).containsExactly(2L);
        assertThat(tail.truncated()).isTrue();

        System.out.println(ReplayText.table(replay));
        System.out.println(ReplayJson.lines(replay));
        System.out.println(ReplayMermaid.diagram(replay));
    }

    @Test
    void anAggregatesReplayCarriesTheStateAfterEachEvent() {
        open("a-1", "Ann");
        deposit("a-1", 500);
        fixture.store.aggregates(Account.class).update("a-1", account -> account.withdraw(200));

        Replay all = inspector.replay(StreamId.of("account", "a-1"), 1, 100);
        assertThat(all.aggregate()).contains("Account");
        assertThat(all.events()).extracting(e -> e.state().orElseThrow()).containsExactly(
                new Account("a-1", "Ann", 0, true), new Account("a-1", "Ann", 500, true),
                new Account("a-1", "Ann", 300, true));
        assertThat(all.events().get(2).event()).isEqualTo(new MoneyWithdrawn("a-1", 200));

        Replay fromTwo = inspector.replay(StreamId.of("account", "a-1"), 2, 100);
        assertThat(fromTwo.initialStateJson().orElseThrow()).contains("\"owner\":\"Ann\"").contains("\"balanceMinor\":0");
        assertThat(fromTwo.events()).extracting(e -> e.state().orElseThrow()).containsExactly(
                new Account("a-1", "Ann", 500, true), new Account("a-1", "Ann", 300, true));
        assertThat(fromTwo.events().get(1).stateJson().orElseThrow()).contains("\"balanceMinor\":300");
        assertThat(ReplayMermaid.diagram(fromTwo)).startsWith("stateDiagram-v2\n");

        System.out.println(ReplayText.table(all));
        System.out.println(ReplayMermaid.diagram(all));
    }

    @Test
    void anUnknownStreamIsNamedWithItsNearMatches() {
        open("a-1", "Ann");
        open("a-10", "Bo");
        open("zzzzzz", "Zed");

        assertThatThrownBy(() -> inspector.replay(StreamId.of("account", "a-2"), 1, 10))
                .isInstanceOfSatisfying(UnknownStreamException.class, e -> {
                    assertThat(e.stream()).isEqualTo(StreamId.of("account", "a-2"));
                    assertThat(e.nearMatches()).containsExactly(StreamId.of("account", "a-1"),
                            StreamId.of("account", "a-10"));
                })
                .hasMessage("replay account-a-2 failed: stream account-a-2 has no events; streams with similar names:"
                        + " [account-a-1, account-a-10]");
        assertThatThrownBy(() -> inspector.replay(StreamId.of("acount", "a-1"), 1, 10))
                .isInstanceOfSatisfying(UnknownStreamException.class,
                        e -> assertThat(e.nearMatches()).containsExactly(StreamId.of("account", "a-1")));
    }

    @Test
    void aSchemaWithoutTheStoresTablesIsNotMigrated() throws Exception {
        String empty = InspectFixture.freshName("insp_empty");
        Inspector none = Inspector.of(InspectFixture.DATA_SOURCE, EventStoreOptions.defaults().withSchema(empty),
                InspectFixture.CATALOG);
        assertThatThrownBy(none::status).isInstanceOfSatisfying(SchemaNotMigratedException.class, e -> {
            assertThat(e.found()).isZero();
            assertThat(e.required()).isEqualTo(3);
        }).hasMessage("read the status failed: schema '" + empty + "' has no Stele tables (prefix 'stele_'); run the"
                + " store's migrations first: EventStore.create(dataSource, catalog, options) applies them");

        String old = InspectFixture.freshName("insp_old");
        InspectFixture.execute("CREATE SCHEMA " + old + "; CREATE TABLE " + old + ".stele_schema_migrations"
                + " (version int PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());"
                + " INSERT INTO " + old + ".stele_schema_migrations VALUES (1, 'one'), (2, 'two')");
        Inspector older = Inspector.of(InspectFixture.DATA_SOURCE, EventStoreOptions.defaults().withSchema(old),
                InspectFixture.CATALOG);
        assertThatThrownBy(() -> older.streams(StreamFilter.all()))
                .isInstanceOfSatisfying(SchemaNotMigratedException.class, e -> assertThat(e.found()).isEqualTo(2))
                .hasMessageContaining("are at migration 2, this inspector needs 3");
    }

    @Test
    void anUnreachableDatabaseIsATypedErrorThatDoesNotRepeatTheUrl() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/stele?user=admin&password=s3cret-pw");
        nowhere.setConnectTimeout(2);
        Inspector inspector = Inspector.of(nowhere, EventStoreOptions.defaults(), InspectFixture.CATALOG);

        assertThatThrownBy(inspector::categories).isInstanceOfSatisfying(DatabaseUnreachableException.class, e -> {
            System.out.println(e.getMessage());
            assertThat(e.sqlState()).startsWith("08");
            assertThat(e.getMessage()).startsWith("read the stream categories failed: the database cannot be reached:")
                    .doesNotContain("jdbc:").doesNotContain("s3cret-pw");
        });
    }

    private void open(String id, String owner) {
        fixture.store.append(StreamId.of("account", id), ExpectedVersion.any(), List.of(new AccountOpened(id, owner)));
    }

    private void deposit(String id, long amount) {
        fixture.store.append(StreamId.of("account", id), ExpectedVersion.any(), List.of(new MoneyDeposited(id, amount)));
    }

    private static List<String> rows(List<StreamSummary> streams) {
        return streams.stream().map(s -> s.stream() + "|" + s.events() + "|" + s.version() + "|"
                + micros(s.firstRecordedAt()) + "|" + micros(s.lastRecordedAt())).toList();
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
