package dev.stele.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.UnknownEventException;
import dev.stele.cdc.OutboxRecordException;
import dev.stele.cdc.OutboxRecordException.Part;
import dev.stele.cdc.OutboxRecordException.Problem;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.cdc.OutboxTestEvents;
import dev.stele.cdc.OutboxTestEvents.Opened;
import dev.stele.cdc.OutboxTestEvents.Shipped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Records in the shapes Debezium's Outbox Event Router writes them, built by hand as the bytes a consumer
 * receives, through the Kafka {@code Deserializer} created and configured as a consumer does it.
 */
class OutboxEventDeserializerTest {

    private static final UUID ID = UUID.fromString("0b6f1c3e-5d1a-4c1e-9f5e-2a7d9c3b1e40");
    private static final String OPENED = "{\"accountId\":\"a-1\",\"owner\":\"Ada \\\"the\\\" first ü\"}";
    private static final Opened OPENED_EVENT = new Opened("a-1", "Ada \"the\" first ü");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal holding {@code text}, as JsonConverter writes a string. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Headers as the embedded engine's JsonConverter writes them (schemas off), plus Debezium's context. */
    private static Headers jsonHeaders(String name, int version) {
        Headers headers = new RecordHeaders();
        headers.add("id", utf8(quoted(ID.toString())));
        headers.add("eventType", utf8(quoted(name)));
        headers.add("eventVersion", utf8(Integer.toString(version)));
        headers.add("__debezium.context.connectorName", utf8("\"stele\""));
        return headers;
    }

    /** Headers as Kafka Connect's default SimpleHeaderConverter writes them: plain text. */
    private static Headers plainHeaders(String name, int version) {
        Headers headers = new RecordHeaders();
        headers.add("id", utf8(ID.toString()));
        headers.add("eventType", utf8(name));
        headers.add("eventVersion", utf8(Integer.toString(version)));
        return headers;
    }

    private static OutboxEventDeserializer configured(Map<String, Object> configs) {
        OutboxEventDeserializer deserializer = new OutboxEventDeserializer();
        deserializer.configure(configs, false);
        return deserializer;
    }

    private static OutboxEventDeserializer configured() {
        return configured(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG));
    }

    private static OutboxRecordException failure(OutboxEventDeserializer deserializer, Headers headers, byte[] value) {
        try {
            deserializer.deserialize("outbox.event.account", headers, value);
        } catch (OutboxRecordException e) {
            return e;
        }
        throw new AssertionError("no OutboxRecordException");
    }

    @Test
    void theRoutersDefaultPayloadStringDecodesToTheTypedEvent() {
        Object event = configured().deserialize("outbox.event.account", jsonHeaders("Opened", 1),
                utf8(quoted(OPENED)));

        assertThat(event).isEqualTo(OPENED_EVENT);
    }

    @Test
    void anExpandedPayloadWithPlainTextHeadersDecodesToTheTypedEvent() {
        Object event = configured().deserialize("outbox.event.account", plainHeaders("Opened", 1), utf8(OPENED));

        assertThat(event).isEqualTo(OPENED_EVENT);
    }

    @Test
    void aPayloadInTheConvertersSchemaEnvelopeDecodes() {
        String value = "{\"schema\":{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Json\"},"
                + "\"payload\":" + quoted(OPENED) + "}";

        assertThat(configured().deserialize("t", jsonHeaders("Opened", 1), utf8(value))).isEqualTo(OPENED_EVENT);
    }

    @Test
    void anOlderStoredVersionIsUpcastToTheLatest() {
        Object event = configured().deserialize("outbox.event.parcel", jsonHeaders("Shipped", 1),
                utf8("{\"parcelId\":\"p-1\",\"kg\":2.5}"));

        assertThat(event).isEqualTo(new Shipped("p-1", 2500));
    }

    @Test
    void theLastOfARepeatedHeaderCounts() {
        Headers headers = jsonHeaders("Shipped", 2);
        headers.add("eventVersion", utf8("1"));

        assertThat(configured().deserialize("t", headers, utf8("{\"parcelId\":\"p-1\",\"kg\":0.5}")))
                .isEqualTo(new Shipped("p-1", 500));
    }

    @Test
    void headerNamesComeFromTheConfiguration() {
        OutboxEventDeserializer deserializer = configured(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG,
                OutboxConfig.EVENT_NAME_HEADER, "stele-name", OutboxConfig.EVENT_VERSION_HEADER, "stele-version"));
        Headers headers = new RecordHeaders();
        headers.add("id", utf8(ID.toString()));
        headers.add("stele-name", utf8("Opened"));
        headers.add("stele-version", utf8("1"));

        assertThat(deserializer.deserialize("t", headers, utf8(OPENED))).isEqualTo(OPENED_EVENT);
        OutboxRecordException e = failure(deserializer, jsonHeaders("Opened", 1), utf8(OPENED));
        assertThat(e.problem()).isEqualTo(Problem.MISSING_HEADER);
        assertThat(e.header()).contains("stele-name");
    }

    @Test
    void valueSchemasAbsentReadsAnEventThatLooksLikeTheEnvelopeAsTheEvent() {
        OutboxEventDeserializer deserializer = configured(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG,
                OutboxConfig.VALUE_SCHEMAS, "absent"));

        assertThat(deserializer.deserialize("t", jsonHeaders("Opened", 1), utf8(OPENED))).isEqualTo(OPENED_EVENT);
        assertThat(failure(deserializer, jsonHeaders("Opened", 1), utf8("{\"schema\":null,\"payload\":"
                + quoted(OPENED) + "}")).problem()).isEqualTo(Problem.UNDECODABLE_PAYLOAD);
    }

    @Test
    void aTombstoneIsATypedErrorNotNull() {
        OutboxRecordException e = failure(configured(), jsonHeaders("Opened", 1), null);

        assertThat(e.problem()).isEqualTo(Problem.TOMBSTONE);
        assertThat(e.eventId()).contains(ID);
    }

    @Test
    void anUnknownEventNamesItsIdAndHasTheCatalogsErrorAsCause() {
        OutboxRecordException e = failure(configured(), jsonHeaders("Closed", 1), utf8("{}"));

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_EVENT);
        assertThat(e.part()).isEqualTo(Part.VALUE);
        assertThat(e.eventId()).contains(ID);
        assertThat(e).hasCauseInstanceOf(UnknownEventException.class);
    }

    @Test
    void aPayloadThatIsNotJsonIsMalformed() {
        assertThat(failure(configured(), jsonHeaders("Opened", 1), utf8("{\"accountId\":")).problem())
                .isEqualTo(Problem.MALFORMED_VALUE);
    }

    @Test
    void withoutHeadersThereIsNoEventId() {
        OutboxRecordException e = failure(configured(), new RecordHeaders(), utf8(OPENED));
        assertThat(e.problem()).isEqualTo(Problem.MISSING_HEADER);
        assertThat(e.header()).contains("id");

        assertThatThrownBy(() -> configured().deserialize("t", utf8(OPENED))).isInstanceOf(OutboxRecordException.class)
                .hasMessageContaining("no event id");
    }

    @Test
    void aDeserializerGivenAReaderIsAlreadyConfiguredAndKeepsItsSettings() {
        OutboxEventDeserializer deserializer = new OutboxEventDeserializer(
                OutboxRouterRecords.of(OutboxTestEvents.CATALOG).withHeaders("n", "v"));
        deserializer.configure(Map.of(OutboxConfig.EVENT_NAME_HEADER, "other"), false);
        Headers headers = new RecordHeaders();
        headers.add("id", utf8(ID.toString()));
        headers.add("n", utf8("Opened"));
        headers.add("v", utf8("1"));

        assertThat(deserializer.deserialize("t", headers, utf8(OPENED))).isEqualTo(OPENED_EVENT);
    }

    @Test
    void onTheKeySideOrWithBadPropertiesConfigurationFails() {
        assertThatThrownBy(() -> new OutboxEventDeserializer().configure(Map.of(), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StringDeserializer");
        assertThatThrownBy(() -> configured(Map.of(OutboxConfig.CATALOG, "dev.stele.Whatever")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OutboxConfig.CATALOG);
        assertThatThrownBy(() -> configured(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG,
                OutboxConfig.EVENT_VERSION_HEADER, "id"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> configured(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG,
                OutboxConfig.VALUE_SCHEMAS, "maybe"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detect, present or absent");
    }

    @Test
    void unconfiguredItSaysSo() {
        assertThatThrownBy(() -> new OutboxEventDeserializer().deserialize("t", jsonHeaders("Opened", 1), utf8(OPENED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
    }

    @Test
    void anAvroSingleObjectValueDecodesToTheSameTypedEventAsItsJson() {
        OutboxEventDeserializer deserializer = configured();
        byte[] avro = OutboxTestEvents.CATALOG.toAvro(OPENED_EVENT);
        assertThat(avro[0]).isEqualTo((byte) 0xC3);
        assertThat(avro[1]).isEqualTo((byte) 0x01);

        Object fromAvro = deserializer.deserialize("outbox.event.account", plainHeaders("Opened", 1), avro);
        Object fromJson = deserializer.deserialize("outbox.event.account", plainHeaders("Opened", 1), utf8(OPENED));

        assertThat(fromAvro).isEqualTo(OPENED_EVENT).isEqualTo(fromJson);
    }

    @Test
    void anAvroValueOfAnOlderVersionIsUpcast() {
        byte[] avro = OutboxTestEvents.CATALOG.toAvro(new OutboxTestEvents.ShippedV1("p-1", 1.25));

        assertThat(configured().deserialize("outbox.event.parcel", plainHeaders("Shipped", 1), avro))
                .isEqualTo(new Shipped("p-1", 1250));
    }

    @Test
    void anAvroValueOfAnotherEventThanTheNameHeaderSaysIsMalformed() {
        byte[] avro = OutboxTestEvents.CATALOG.toAvro(OPENED_EVENT);

        OutboxRecordException e = failure(configured(), plainHeaders("Shipped", 2), avro);
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED_VALUE);
        assertThat(e.part()).isEqualTo(Part.VALUE);
        assertThat(e.eventId()).contains(ID);
        assertThat(e.getMessage()).contains("'Opened'", "'Shipped'");
    }

    @Test
    void anAvroValueWithAnUnknownFingerprintIsAnUnknownEvent() {
        byte[] avro = OutboxTestEvents.CATALOG.toAvro(OPENED_EVENT);
        avro[2] ^= 0x7F;   // another fingerprint

        OutboxRecordException e = failure(configured(), plainHeaders("Opened", 1), avro);
        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_EVENT);
        assertThat(e.getCause()).isInstanceOf(dev.stele.catalog.UnknownSchemaException.class);
    }

    @Test
    void aTruncatedAvroValueIsUndecodableNeverNull() {
        byte[] avro = OutboxTestEvents.CATALOG.toAvro(OPENED_EVENT);
        for (int length = 2; length < avro.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(avro, length);
            OutboxRecordException e = failure(configured(), plainHeaders("Opened", 1), truncated);
            assertThat(e.problem()).as("cut to " + length + " bytes").isEqualTo(Problem.UNDECODABLE_PAYLOAD);
        }
    }
}
