package dev.stele.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.UnknownEventException;
import dev.stele.cdc.OutboxTestEvents;
import dev.stele.cdc.OutboxTestEvents.Opened;
import dev.stele.cdc.OutboxTestEvents.Shipped;
import dev.stele.cdc.OutboxTestEvents.ShippedV1;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The serializer writes what the deserializer (and so {@code OutboxRouterRecords}) reads, in the router's layout. */
class OutboxEventSerializerTest {

    private static final UUID ID = UUID.fromString("0b6f1c3e-5d1a-4c1e-9f5e-2a7d9c3b1e40");

    private static final OutboxEventSerializer SERIALIZER = new OutboxEventSerializer(OutboxTestEvents.CATALOG);
    private static final OutboxEventDeserializer DESERIALIZER = new OutboxEventDeserializer(
            dev.stele.cdc.OutboxRouterRecords.of(OutboxTestEvents.CATALOG));

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theValueIsTheCatalogsJsonAndTheHeadersArePlainText() {
        Headers headers = new RecordHeaders();
        headers.add("id", ID.toString().getBytes(StandardCharsets.UTF_8));

        byte[] value = SERIALIZER.serialize("outbox.event.account", headers, new Opened("a-1", "Ada"));

        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("{\"accountId\":\"a-1\",\"owner\":\"Ada\"}");
        assertThat(text(headers, "id")).isEqualTo(ID.toString());
        assertThat(text(headers, "eventType")).isEqualTo("Opened");
        assertThat(text(headers, "eventVersion")).isEqualTo("1");
        assertThat(headers.toArray()).hasSize(3);
        assertThat(DESERIALIZER.deserialize("outbox.event.account", headers, value))
                .isEqualTo(new Opened("a-1", "Ada"));
    }

    @Test
    void withoutAnIdHeaderARandomIdIsAdded() {
        Headers headers = new RecordHeaders();

        SERIALIZER.serialize("t", headers, new Opened("a-1", "Ada"));

        assertThat(OutboxHeaders.eventId(headers)).isPresent();
    }

    @Test
    void anIdAsAJsonStringIsKeptAndAnIdThatIsNoUuidIsRefused() {
        Headers json = new RecordHeaders();
        json.add("id", ("\"" + ID + "\"").getBytes(StandardCharsets.UTF_8));
        SERIALIZER.serialize("t", json, new Opened("a-1", "Ada"));
        assertThat(OutboxHeaders.eventId(json)).contains(ID);

        Headers bad = new RecordHeaders();
        bad.add("id", "order-1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SERIALIZER.serialize("t", bad, new Opened("a-1", "Ada")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical form");
    }

    @Test
    void anOlderVersionIsWrittenAsItselfAndReadBackUpcast() {
        Headers headers = new RecordHeaders();

        byte[] value = SERIALIZER.serialize("t", headers, new ShippedV1("p-1", 1.5));

        assertThat(text(headers, "eventVersion")).isEqualTo("1");
        assertThat(DESERIALIZER.deserialize("t", headers, value)).isEqualTo(new Shipped("p-1", 1500));
    }

    @Test
    void nameAndVersionHeadersAreReplacedNotRepeated() {
        Headers headers = new RecordHeaders();
        headers.add("eventType", "Stale".getBytes(StandardCharsets.UTF_8));
        headers.add("eventVersion", "9".getBytes(StandardCharsets.UTF_8));

        SERIALIZER.serialize("t", headers, new Shipped("p-1", 5));

        assertThat(headers.headers("eventType")).hasSize(1);
        assertThat(text(headers, "eventType")).isEqualTo("Shipped");
        assertThat(text(headers, "eventVersion")).isEqualTo("2");
    }

    @Test
    void configuredHeaderNamesMatchAConfiguredDeserializer() {
        Map<String, Object> configs = Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG,
                OutboxConfig.EVENT_NAME_HEADER, "name", OutboxConfig.EVENT_VERSION_HEADER, "version");
        OutboxEventSerializer serializer = new OutboxEventSerializer();
        serializer.configure(configs, false);
        OutboxEventDeserializer deserializer = new OutboxEventDeserializer();
        deserializer.configure(configs, false);
        Headers headers = new RecordHeaders();

        byte[] value = serializer.serialize("t", headers, new Opened("a-2", "Grace"));

        assertThat(text(headers, "name")).isEqualTo("Opened");
        assertThat(deserializer.deserialize("t", headers, value)).isEqualTo(new Opened("a-2", "Grace"));
    }

    @Test
    void anUnknownEventNullOrNoHeadersAreRefused() {
        assertThatThrownBy(() -> SERIALIZER.serialize("t", new RecordHeaders(), "not an event"))
                .isInstanceOf(UnknownEventException.class);
        assertThatThrownBy(() -> SERIALIZER.serialize("t", new RecordHeaders(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SERIALIZER.serialize("t", new Opened("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new OutboxEventSerializer(OutboxTestEvents.CATALOG, "id", "eventVersion"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameHeader");
        assertThatThrownBy(() -> new OutboxEventSerializer().configure(Map.of(), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StringSerializer");
    }
}
