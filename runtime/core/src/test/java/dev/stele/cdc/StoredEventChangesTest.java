package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.annotation.Operation;
import dev.stele.catalog.UnknownEventException;
import dev.stele.projection.Lsn;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredEventChangesTest {

    private static final String ID = "0e6c4f7a-2b1d-4c55-9a3e-5d2f1b7c8e90";
    private static final String ROW = "{\"global_position\":42,\"event_id\":\"" + ID + "\",\"stream_category\":"
            + "\"parcel\",\"stream_id\":\"p-1\",\"stream_version\":3,\"event_name\":\"Shipped\",\"event_version\":1,"
            + "\"payload\":\"{\\\"parcelId\\\": \\\"p-1\\\", \\\"kg\\\": 2.5}\",\"metadata\":\"{}\","
            + "\"recorded_at\":\"2026-01-31T10:15:30.123456Z\"}";

    private final StoredEventChanges events = StoredEventChanges.of(OutboxTestEvents.CATALOG);

    private static String change(String op, String row, String table) {
        return "{\"before\":null,\"after\":" + row + ",\"source\":{\"schema\":\"public\",\"table\":\"" + table
                + "\",\"lsn\":1000,\"txId\":7,\"ts_ms\":1769854530123},\"op\":\"" + op + "\"}";
    }

    @Test
    void anInsertIsTheStoredEventUpcastToItsLatestVersion() {
        RowChange row = (RowChange) events.read(change("c", ROW, "stele_events"));

        assertThat(row.operation()).isEqualTo(Operation.INSERT);
        assertThat(row.source().lsn()).contains(new Lsn(1000));
        assertThat(row.event()).isEqualTo(new StoredEvent(UUID.fromString(ID), 42, "parcel", "p-1", 3, "Shipped", 1,
                new OutboxTestEvents.Shipped("p-1", 2500)));
    }

    @Test
    void otherTablesUpdatesAndTombstonesAreSkippedByRule() {
        assertThat(((SkippedChange) events.read(change("c", ROW, "customers"))).reason())
                .isEqualTo(SkippedChange.Reason.NOT_MAPPED);
        assertThat(((SkippedChange) events.read(change("u", ROW, "stele_events"))).operation())
                .contains(Operation.UPDATE);
        assertThat(((SkippedChange) events.read((byte[]) null)).reason()).isEqualTo(SkippedChange.Reason.TOMBSTONE);
        assertThat(((RowChange) events.withTable("shop.stele_events").read(change("c", ROW, "stele_events")
                .replace("\"schema\":\"public\"", "\"schema\":\"shop\""))).event()).isInstanceOf(StoredEvent.class);
    }

    @Test
    void aRowWithoutItsColumnsIsMalformedNamingTheColumn() {
        String noName = change("c", ROW.replace("\"event_name\":\"Shipped\",", ""), "stele_events");
        String badId = change("c", ROW.replace(ID, "not-a-uuid"), "stele_events");
        String textVersion = change("c", ROW.replace("\"event_version\":1", "\"event_version\":\"1\""), "stele_events");

        assertThatThrownBy(() -> events.read(noName)).isInstanceOfSatisfying(MalformedChangeException.class,
                e -> assertThat(e.path()).isEqualTo("payload.after.event_name"));
        assertThatThrownBy(() -> events.read(badId)).isInstanceOfSatisfying(MalformedChangeException.class,
                e -> assertThat(e.path()).isEqualTo("payload.after.event_id"));
        assertThatThrownBy(() -> events.read(textVersion)).isInstanceOfSatisfying(MalformedChangeException.class,
                e -> assertThat(e.path()).isEqualTo("payload.after.event_version"));
    }

    @Test
    void anEventTheCatalogDoesNotKnowIsItsTypedError() {
        assertThatThrownBy(() -> events.read(change("c", ROW.replace("\"Shipped\"", "\"Lost\""), "stele_events")))
                .isInstanceOf(UnknownEventException.class);
    }

    @Test
    void aTableNameThatIsNotPlainIsRefused() {
        assertThatThrownBy(() -> events.withTable("Shop.Events;drop"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
