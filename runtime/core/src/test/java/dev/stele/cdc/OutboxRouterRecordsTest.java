package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.UnknownEventException;
import dev.stele.cdc.OutboxRecordException.Part;
import dev.stele.cdc.OutboxRecordException.Problem;
import dev.stele.cdc.OutboxRouterRecords.ValueSchemas;
import dev.stele.cdc.OutboxTestEvents.Opened;
import dev.stele.cdc.OutboxTestEvents.Shipped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every form in which the Outbox Event Router's records reach a Kafka consumer, and every bad record, as the
 * byte strings the converters write.
 */
class OutboxRouterRecordsTest {

    private static final OutboxRouterRecords READER = OutboxRouterRecords.of(OutboxTestEvents.CATALOG);
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

    /** Headers as JsonConverter without schemas writes them. */
    private static Map<String, byte[]> jsonHeaders(String name, int version) {
        Map<String, byte[]> headers = new HashMap<>();
        headers.put("id", utf8(quoted(ID.toString())));
        headers.put("eventType", utf8(quoted(name)));
        headers.put("eventVersion", utf8(Integer.toString(version)));
        return headers;
    }

    private static Map<String, byte[]> without(Map<String, byte[]> headers, String name) {
        Map<String, byte[]> copy = new HashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> headers, String name, String value) {
        Map<String, byte[]> copy = new HashMap<>(headers);
        copy.put(name, value == null ? null : utf8(value));
        return copy;
    }

    private static OutboxRecordException failure(byte[] key, byte[] value, Map<String, byte[]> headers) {
        try {
            READER.read(key, value, headers);
        } catch (OutboxRecordException e) {
            return e;
        }
        throw new AssertionError("no OutboxRecordException");
    }

    @Test
    void aPayloadStringWithoutSchemasIsUnescapedAndDecoded() {
        OutboxEvent event = READER.read(utf8("\"a-1\""), utf8(quoted(OPENED)), jsonHeaders("Opened", 1));

        assertThat(event).isEqualTo(new OutboxEvent(ID, Optional.empty(), "a-1", "Opened", 1, OPENED_EVENT));
    }

    @Test
    void anExpandedPayloadWithoutSchemasIsDecoded() {
        OutboxEvent event = READER.read(utf8("\"a-1\""), utf8(" " + OPENED + " "), jsonHeaders("Opened", 1));

        assertThat(event.event()).isEqualTo(OPENED_EVENT);
        assertThat(event.eventId()).isEqualTo(ID);
    }

    @Test
    void aPayloadStringInTheSchemaEnvelopeIsDecoded() {
        String value = "{\"schema\":{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Json\","
                + "\"version\":1},\"payload\":" + quoted(OPENED) + "}";

        assertThat(READER.read(utf8("\"a-1\""), utf8(value), jsonHeaders("Opened", 1)).event()).isEqualTo(OPENED_EVENT);
    }

    @Test
    void anExpandedPayloadInTheSchemaEnvelopeIsDecoded() {
        String value = "{\"payload\":" + OPENED + ",\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\","
                + "\"optional\":true,\"field\":\"accountId\"},{\"type\":\"string\",\"optional\":true,\"field\":\"owner\"}],"
                + "\"optional\":true,\"name\":\"payload\"}}";

        assertThat(READER.read(utf8("\"a-1\""), utf8(value), jsonHeaders("Opened", 1)).event()).isEqualTo(OPENED_EVENT);
    }

    @Test
    void keyAndHeadersInTheSchemaEnvelopeAreRead() {
        Map<String, byte[]> headers = new HashMap<>();
        headers.put("id", utf8("{\"schema\":{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.data.Uuid\","
                + "\"version\":1},\"payload\":\"" + ID + "\"}"));
        headers.put("eventType", utf8("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"Opened\"}"));
        headers.put("eventVersion", utf8("{\"schema\":{\"type\":\"int32\",\"optional\":false},\"payload\":1}"));
        headers.put("aggregateType", utf8("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"account\"}"));
        byte[] key = utf8("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"a-1\"}");

        OutboxEvent event = READER.read(key, utf8(quoted(OPENED)), headers);

        assertThat(event).isEqualTo(new OutboxEvent(ID, Optional.of("account"), "a-1", "Opened", 1, OPENED_EVENT));
    }

    @Test
    void keyAndHeadersAsPlainTextAreRead() {
        Map<String, byte[]> headers = new HashMap<>();
        headers.put("id", utf8(ID.toString()));
        headers.put("eventType", utf8("Opened"));
        headers.put("eventVersion", utf8("1"));
        headers.put("aggregateType", utf8("account"));

        OutboxEvent event = READER.read(utf8("a-1"), utf8(OPENED), headers);

        assertThat(event).isEqualTo(new OutboxEvent(ID, Optional.of("account"), "a-1", "Opened", 1, OPENED_EVENT));
    }

    @Test
    void anOlderStoredVersionIsUpcastToTheLatest() {
        OutboxEvent event = READER.read(utf8("\"p-1\""), utf8(quoted("{\"parcelId\":\"p-1\",\"kg\":2.5}")),
                jsonHeaders("Shipped", 1));

        assertThat(event.storedVersion()).isEqualTo(1);
        assertThat(event.event()).isEqualTo(new Shipped("p-1", 2500));
    }

    @Test
    void aVersionNewerThanTheCatalogKnowsIsReadWithTheLatestReaderAsTheCatalogDoes() {
        OutboxEvent event = READER.read(utf8("\"p-1\""), utf8("{\"parcelId\":\"p-1\",\"grams\":7,\"extra\":[1]}"),
                jsonHeaders("Shipped", 3));

        assertThat(event.storedVersion()).isEqualTo(3);
        assertThat(event.event()).isEqualTo(new Shipped("p-1", 7));
    }

    @Test
    void headerNamesAreConfigurableAndTheExpectedPlacementFollowsThem() {
        OutboxRouterRecords reader = READER.withHeaders("name", "v").withAggregateTypeHeader("category");
        Map<String, byte[]> headers = new HashMap<>();
        headers.put("id", utf8(quoted(ID.toString())));
        headers.put("name", utf8("\"Opened\""));
        headers.put("v", utf8("1"));
        headers.put("category", utf8("\"account\""));

        assertThat(reader.read(utf8("\"a-1\""), utf8(OPENED), headers).aggregateType()).contains("account");
        assertThat(reader.routerPlacement()).isEqualTo("type:header:name,event_version:header:v,aggregatetype:header:category");
        assertThat(OutboxRouterRecords.ROUTER_PLACEMENT)
                .isEqualTo("type:header:eventType,event_version:header:eventVersion,aggregatetype:header:aggregateType");
        assertThatThrownBy(() -> READER.withHeaders("id", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeclaredSchemaEnvelopeIsRequiredAndAnAbsentOneIsNotLookedFor() {
        String lookalike = "{\"schema\":null,\"payload\":" + quoted(OPENED) + "}";

        assertThat(READER.read(utf8("\"a-1\""), utf8(lookalike), jsonHeaders("Opened", 1)).event()).isEqualTo(OPENED_EVENT);
        OutboxRecordException absent = assertThrows(() -> READER.withValueSchemas(ValueSchemas.ABSENT)
                .read(utf8("\"a-1\""), utf8(lookalike), jsonHeaders("Opened", 1)));
        assertThat(absent.problem()).isEqualTo(Problem.UNDECODABLE_PAYLOAD);
        OutboxRecordException present = assertThrows(() -> READER.withValueSchemas(ValueSchemas.PRESENT)
                .read(utf8("\"a-1\""), utf8(quoted(OPENED)), jsonHeaders("Opened", 1)));
        assertThat(present.problem()).isEqualTo(Problem.MALFORMED_VALUE);
        assertThat(present.reason()).contains("schemas.enable");
    }

    private static OutboxRecordException assertThrows(Runnable read) {
        try {
            read.run();
        } catch (OutboxRecordException e) {
            return e;
        }
        throw new AssertionError("no OutboxRecordException");
    }

    @Test
    void theEventNameIsReadFromItsHeaderInEveryFormWithoutTheValue() {
        assertThat(READER.eventName(jsonHeaders("Opened", 1))).contains("Opened");
        assertThat(READER.eventName(with(jsonHeaders("Opened", 1), "eventType", "Opened"))).contains("Opened");
        assertThat(READER.eventName(with(jsonHeaders("Opened", 1), "eventType",
                "{\"schema\":{\"type\":\"string\"},\"payload\":\"Opened\"}"))).contains("Opened");
        assertThat(READER.withHeaders("name", "version").eventName(Map.of("name", utf8("Shipped"))))
                .contains("Shipped");
    }

    @Test
    void noEventNameWhereTheHeaderIsMissingEmptyOrNotText() {
        assertThat(READER.eventName(without(jsonHeaders("Opened", 1), "eventType"))).isEmpty();
        assertThat(READER.eventName(with(jsonHeaders("Opened", 1), "eventType", "null"))).isEmpty();
        assertThat(READER.eventName(Map.of("eventType", new byte[] {(byte) 0xC3, (byte) 0x28}))).isEmpty();
        assertThat(READER.eventName(null)).isEmpty();
    }

    @Test
    void aTombstoneSaysItIsOne() {
        OutboxRecordException e = failure(utf8("\"a-1\""), null, jsonHeaders("Opened", 1));

        assertThat(e.problem()).isEqualTo(Problem.TOMBSTONE);
        assertThat(e.part()).isEqualTo(Part.VALUE);
        assertThat(e.eventId()).contains(ID);
        assertThat(e).hasMessageContaining("tombstone");
        assertThat(failure(utf8("\"a-1\""), null, null).problem()).isEqualTo(Problem.TOMBSTONE);
    }

    @Test
    void aMissingIdHeaderSaysTheRouterWritesIt() {
        OutboxRecordException e = failure(utf8("\"a-1\""), utf8(OPENED), without(jsonHeaders("Opened", 1), "id"));

        assertThat(e.problem()).isEqualTo(Problem.MISSING_HEADER);
        assertThat(e.header()).contains("id");
        assertThat(e).hasMessageContaining("header 'id'").hasMessageContaining("Json.class, Json.class, Json.class");
        assertThat(failure(utf8("\"a-1\""), utf8(OPENED), null).problem()).isEqualTo(Problem.MISSING_HEADER);
    }

    @Test
    void aMalformedIdIsRefusedEvenWhereUuidFromStringWouldAcceptIt() {
        for (String id : new String[] {"\"not-a-uuid\"", "\"1-2-3-4-5\"", "\"0B6F1C3E-5D1A-4C1E-9F5E-2A7D9C3B1E4\"",
                "\"0b6f1c3e-5d1a-4c1e-9f5e-2a7d9c3b1e4g\"", "42", "", "\"0b6f1c3e+5d1a-4c1e-9f5e-2a7d9c3b1e40\""}) {
            OutboxRecordException e = failure(utf8("\"a-1\""), utf8(OPENED), with(jsonHeaders("Opened", 1), "id", id));

            assertThat(e.problem()).as(id).isEqualTo(Problem.MALFORMED_HEADER);
            assertThat(e.header()).contains("id");
        }
    }

    @Test
    void aMissingNameOrVersionHeaderSaysWhichRouterSettingToAdd() {
        OutboxRecordException name = failure(utf8("\"a-1\""), utf8(OPENED), without(jsonHeaders("Opened", 1), "eventType"));
        OutboxRecordException version = failure(utf8("\"a-1\""), utf8(OPENED),
                without(jsonHeaders("Opened", 1), "eventVersion"));

        assertThat(name.problem()).isEqualTo(Problem.MISSING_HEADER);
        assertThat(name.eventId()).contains(ID);
        assertThat(name).hasMessage("Outbox Event Router record of event " + ID + ", header 'eventType': no header"
                + " 'eventType' with the event name; add 'type:header:eventType' to the router's"
                + " table.fields.additional.placement (Stele expects type:header:eventType,event_version:header:eventVersion,"
                + "aggregatetype:header:aggregateType)");
        assertThat(version.header()).contains("eventVersion");
        assertThat(version.reason()).contains("add 'event_version:header:eventVersion'");
    }

    @Test
    void aVersionThatIsNoPositiveIntIsMalformed() {
        for (String version : new String[] {"\"two\"", "0", "-1", "2147483648", "1.5", "\"+2\"", "\"\"", "true"}) {
            OutboxRecordException e = failure(utf8("\"a-1\""), utf8(OPENED),
                    with(jsonHeaders("Opened", 1), "eventVersion", version));

            assertThat(e.problem()).as(version).isEqualTo(Problem.MALFORMED_HEADER);
            assertThat(e.header()).contains("eventVersion");
        }
    }

    @Test
    void aHeaderOrKeyThatIsNotTextIsMalformed() {
        byte[] invalidUtf8 = {(byte) 0xc3, (byte) 0x28};
        Map<String, byte[]> headers = jsonHeaders("Opened", 1);
        headers.put("eventType", invalidUtf8);

        assertThat(failure(utf8("\"a-1\""), utf8(OPENED), headers).problem()).isEqualTo(Problem.MALFORMED_HEADER);
        assertThat(failure(invalidUtf8, utf8(OPENED), jsonHeaders("Opened", 1)).problem()).isEqualTo(Problem.MALFORMED_KEY);
        assertThat(failure(null, utf8(OPENED), jsonHeaders("Opened", 1)).problem()).isEqualTo(Problem.MALFORMED_KEY);
        assertThat(failure(utf8("null"), utf8(OPENED), jsonHeaders("Opened", 1)).problem()).isEqualTo(Problem.MALFORMED_KEY);
        assertThat(failure(utf8("\"\""), utf8(OPENED), jsonHeaders("Opened", 1)).problem()).isEqualTo(Problem.MALFORMED_KEY);
    }

    @Test
    void aJsonNullHeaderIsMalformedNotTheTextNull() {
        for (String header : new String[] {"eventType", "eventVersion", "id"}) {
            OutboxRecordException e = failure(utf8("\"a-1\""), utf8(OPENED), with(jsonHeaders("Opened", 1), header, "null"));

            assertThat(e.problem()).as(header).isEqualTo(Problem.MALFORMED_HEADER);
            assertThat(e.header()).contains(header);
        }
        OutboxRecordException inEnvelope = failure(utf8("\"a-1\""), utf8(OPENED), with(jsonHeaders("Opened", 1),
                "eventType", "{\"schema\":{\"type\":\"string\",\"optional\":true},\"payload\":null}"));
        assertThat(inEnvelope.problem()).isEqualTo(Problem.MALFORMED_HEADER);
    }

    @Test
    void aValueThatIsNotJsonOrTruncatedOrNoPayloadIsMalformed() {
        String schemaEnvelope = "{\"schema\":{\"type\":\"string\"},\"payload\":" + quoted(OPENED) + "}";
        for (String value : new String[] {"", "   ", OPENED.substring(0, 20), quoted(OPENED).substring(0, 30),
                schemaEnvelope.substring(0, schemaEnvelope.length() - 1), "{\"a\":1} {\"b\":2}", "42", "[1]", "null",
                "{\"schema\":{},\"payload\":[1]}", "not json"}) {
            OutboxRecordException e = failure(utf8("\"a-1\""), utf8(value), jsonHeaders("Opened", 1));

            assertThat(e.problem()).as(value).isEqualTo(Problem.MALFORMED_VALUE);
            assertThat(e.part()).isEqualTo(Part.VALUE);
            assertThat(e.eventId()).contains(ID);
        }
    }

    @Test
    void anUnknownEventNamesItAndKeepsTheCatalogsError() {
        OutboxRecordException e = failure(utf8("\"a-1\""), utf8(OPENED), jsonHeaders("Closed", 1));

        assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_EVENT);
        assertThat(e.getCause()).isInstanceOf(UnknownEventException.class);
        assertThat(e).hasMessageContaining("Closed v1").hasMessageContaining(ID.toString());
    }

    @Test
    void aPayloadThatDoesNotDecodeKeepsTheCatalogsError() {
        for (String value : new String[] {"{\"accountId\":\"a-1\"}", quoted("{\"accountId\":\"a-1\""),
                quoted("hello"), quoted(""), "{\"accountId\":\"a-1\",\"owner\":[]}"}) {
            OutboxRecordException e = failure(utf8("\"a-1\""), utf8(value), jsonHeaders("Opened", 1));

            assertThat(e.problem()).as(value).isEqualTo(Problem.UNDECODABLE_PAYLOAD);
            assertThat(e.getCause()).isInstanceOf(EventDecodingException.class);
            assertThat(e).hasMessageContaining("Opened v1");
        }
    }

    /** Random bytes, and every truncation and single-byte change of good records, give an event or the typed error. */
    @Test
    void anyBytesGiveAnEventOrTheTypedError() {
        Random random = new Random(20261130);
        byte[][] values = {utf8(quoted(OPENED)), utf8(OPENED), utf8("{\"schema\":{\"type\":\"string\"},\"payload\":"
                + quoted(OPENED) + "}"), utf8("{\"schema\":{},\"payload\":" + OPENED + "}")};
        Map<String, byte[]> good = jsonHeaders("Opened", 1);
        int decoded = 0;
        for (byte[] value : values) {
            for (int length = 0; length <= value.length; length++) {
                decoded += readsOrFailsTyped(utf8("\"a-1\""), Arrays.copyOf(value, length), good);
                byte[] changed = value.clone();
                changed[random.nextInt(changed.length)] = (byte) random.nextInt(256);
                decoded += readsOrFailsTyped(utf8("\"a-1\""), changed, good);
            }
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] value = new byte[random.nextInt(40)];
            random.nextBytes(value);
            Map<String, byte[]> headers = new HashMap<>(good);
            String[] names = {"id", "eventType", "eventVersion", "aggregateType"};
            byte[] header = new byte[random.nextInt(12)];
            random.nextBytes(header);
            headers.put(names[random.nextInt(names.length)], header);
            readsOrFailsTyped(header, value, random.nextBoolean() ? headers : good);
        }
        assertThat(decoded).as("records still decoded").isGreaterThanOrEqualTo(values.length);
    }

    private static int readsOrFailsTyped(byte[] key, byte[] value, Map<String, byte[]> headers) {
        try {
            assertThat(READER.read(key, value, headers)).isNotNull();
            return 1;
        } catch (OutboxRecordException e) {
            assertThat(e.getMessage()).isNotBlank();
            return 0;
        }
    }
}
