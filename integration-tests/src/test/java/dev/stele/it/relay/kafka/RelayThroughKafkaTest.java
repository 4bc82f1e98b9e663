package dev.stele.it.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.it.relay.RelayFixture;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.kafka.OutboxEventDeserializer;
import dev.stele.relay.OutboxRelay;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The relay with the Kafka publisher against a real broker: every appended event once per run, in each stream's
 * order, in the Outbox Event Router's layout with Stele's extra headers; JSON and Avro values read back as equal
 * typed events; the table-less mode delivering what the table mode does.
 */
class RelayThroughKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

    @Test
    void everyEventArrivesOnceInStreamOrderInTheRouterLayoutAndBothValueFormatsReadAlike() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            String category = "acct" + ProcessHandle.current().pid() + fixture.slot.hashCode() % 1000;
            String jsonTopic = "outbox.event." + category;
            String avroTopic = "avro.outbox.event." + category;
            KafkaBroker.createTopic(jsonTopic, PARTITIONS);
            KafkaBroker.createTopic(avroTopic, PARTITIONS);
            try (TopicLog json = new TopicLog(jsonTopic, PARTITIONS); TopicLog avro = new TopicLog(avroTopic, PARTITIONS);
                    OutboxRelay jsonRelay = fixture.relay(publisher(KafkaPublisher.ValueFormat.JSON, null)).build();
                    OutboxRelay avroRelay = fixture.relay(publisher(KafkaPublisher.ValueFormat.AVRO, "avro."))
                            .slot(fixture.slot + "_avro").build()) {
                jsonRelay.start();
                avroRelay.start();
                append(fixture.store, category, 0, 40, new Random(11));
                Map<String, RelayFixture.Stored> stored = fixture.stored();
                assertThat(json.await(WAIT, log -> log.entries().size() >= stored.size())).isTrue();
                assertThat(avro.await(WAIT, log -> log.entries().size() >= stored.size())).isTrue();
                Thread.sleep(500); // a duplicate would come now: there must be none within one run
                assertOncePerEventInStreamOrder(json, stored, category);
                assertOncePerEventInStreamOrder(avro, stored, category);

                OutboxEventDeserializer reader = new OutboxEventDeserializer(OutboxRouterRecords.of(RelayFixture.CATALOG));
                Map<String, Object> fromJson = decode(reader, json);
                Map<String, Object> fromAvro = decode(reader, avro);
                assertThat(fromAvro).as("both value formats decode to equal typed events").isEqualTo(fromJson);
                for (RelayFixture.Stored event : stored.values()) {
                    assertThat(fromJson.get(event.id())).isEqualTo(RelayFixture.CATALOG.fromJson(event.name(), 1,
                            event.payload()));
                }
                TopicLog.Entry withMetadata = json.entries().stream()
                        .filter(e -> e.headers().containsKey(KafkaPublisher.CORRELATION_ID_HEADER)).findFirst()
                        .orElseThrow();
                assertThat(withMetadata.header(KafkaPublisher.CORRELATION_ID_HEADER)).startsWith("req-");
                assertThat(withMetadata.header(KafkaPublisher.CAUSATION_ID_HEADER)).startsWith("cmd-");
                assertThat(jsonRelay.status().published()).isEqualTo(stored.size());
            } finally {
                dev.stele.relay.OutboxRelay.forgetSlot(RelayFixture.DATA_SOURCE, fixture.options,
                        fixture.slot + "_avro");
            }
        }
    }

    @Test
    void theTablelessModeDeliversWhatTheTableModeDelivers() throws Exception {
        Map<OutboxMode, List<TopicLog.Entry>> delivered = new HashMap<>();
        for (OutboxMode mode : List.of(OutboxMode.TABLE, OutboxMode.MESSAGES)) {
            try (RelayFixture fixture = new RelayFixture(mode)) {
                String category = "same" + ProcessHandle.current().pid() + mode.ordinal();
                KafkaBroker.createTopic("outbox.event." + category, PARTITIONS);
                try (TopicLog log = new TopicLog("outbox.event." + category, PARTITIONS);
                        OutboxRelay relay = fixture.relay(publisher(KafkaPublisher.ValueFormat.JSON, null)).build()) {
                    relay.start();
                    append(fixture.store, category, 0, 25, new Random(7));
                    Map<String, RelayFixture.Stored> stored = fixture.stored();
                    assertThat(log.await(WAIT, l -> l.entries().size() >= stored.size())).isTrue();
                    assertOncePerEventInStreamOrder(log, stored, category);
                    delivered.put(mode, log.entries());
                }
            }
        }
        assertThat(comparable(delivered.get(OutboxMode.MESSAGES)))
                .as("the same keys, headers (but the ids) and value bytes, stream by stream")
                .isEqualTo(comparable(delivered.get(OutboxMode.TABLE)));
    }

    /** Appends to accounts {@code from..to} of {@code category} in a random order, some with metadata. */
    static void append(EventStore store, String category, int from, int to, Random random) {
        for (int i = from; i < to; i++) {
            store.append(StreamId.of(category, "a-" + i), ExpectedVersion.noStream(),
                    List.of(new AccountOpened("a-" + i, "owner " + i)));
        }
        for (int round = 0; round < 5; round++) {
            for (int i = from; i < to; i++) {
                List<Object> events = new ArrayList<>();
                for (int n = random.nextInt(3); n >= 0; n--) {
                    events.add(random.nextBoolean() ? new MoneyDeposited("a-" + i, 100 + n)
                            : NewEvent.of(new MoneyWithdrawn("a-" + i, 3), EventMetadata.empty()
                                    .withCorrelationId("req-" + i).withCausationId("cmd-" + round)));
                }
                store.append(StreamId.of(category, "a-" + i), ExpectedVersion.any(), events);
            }
        }
    }

    static KafkaPublisher publisher(KafkaPublisher.ValueFormat format, String topicPrefix) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        KafkaPublisher.Builder builder = KafkaPublisher.builder(props).catalog(RelayFixture.CATALOG).valueFormat(format);
        if (topicPrefix != null) {
            builder.topic(record -> topicPrefix + "outbox.event." + record.aggregateType());
        }
        return builder.build();
    }

    /** Each event once, keyed by its stream, in stream order, with the router's headers and Stele's. */
    static void assertOncePerEventInStreamOrder(TopicLog log, Map<String, RelayFixture.Stored> stored,
            String category) {
        List<TopicLog.Entry> entries = log.entries();
        assertThat(entries).extracting(TopicLog.Entry::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
        for (TopicLog.Entry entry : entries) {
            RelayFixture.Stored event = stored.get(entry.id());
            assertThat(entry.key()).isEqualTo(event.streamId());
            assertThat(entry.header("eventType")).isEqualTo(event.name());
            assertThat(entry.header("aggregateType")).isEqualTo(category);
            assertThat(entry.headers().keySet()).startsWith("id", "eventType", "eventVersion", "aggregateType");
        }
        for (Map.Entry<String, List<TopicLog.Entry>> stream : log.byKey().entrySet()) {
            assertThat(stream.getValue()).extracting(e -> e.partition()).as("one partition per key").containsOnly(
                    stream.getValue().get(0).partition());
            assertThat(stream.getValue()).extracting(e -> stored.get(e.id()).version())
                    .as("stream %s in order", stream.getKey()).isSorted();
        }
    }

    private static Map<String, Object> decode(OutboxEventDeserializer reader, TopicLog log) {
        Map<String, Object> events = new LinkedHashMap<>();
        for (TopicLog.Entry entry : log.entries()) {
            RecordHeaders headers = new RecordHeaders();
            entry.headers().forEach((name, value) -> headers.add(name, value.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            events.put(entry.id(), reader.deserialize("t", headers, entry.value()));
        }
        return events;
    }

    /** Per key, the records' headers but id and aggregateType, and their value text, in topic order. */
    private static Map<String, List<String>> comparable(List<TopicLog.Entry> entries) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (TopicLog.Entry entry : entries) {
            Map<String, String> headers = new LinkedHashMap<>(entry.headers());
            headers.remove("id");
            headers.remove("aggregateType");
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(headers + " "
                    + new String(entry.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new java.util.TreeMap<>(byKey);
    }
}
