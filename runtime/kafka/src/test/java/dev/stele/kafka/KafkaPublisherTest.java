package dev.stele.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.cdc.OutboxTestEvents;
import dev.stele.cdc.OutboxTestEvents.Shipped;
import dev.stele.kafka.KafkaPublisher.ValueFormat;
import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The publisher without a broker: the Kafka record it makes of an outbox record, the producer settings it
 * forces and refuses, and what its stages, {@code recover} and {@code close} do, on Kafka's {@link MockProducer}.
 */
class KafkaPublisherTest {

    private static final UUID ID = UUID.fromString("0b6f1c3e-5d1a-4c1e-9f5e-2a7d9c3b1e40");
    private static final Lsn LSN = new Lsn(0x16B3748L);
    private static final Instant AT = Instant.parse("2026-01-31T10:15:30Z");
    private static final Map<String, Object> BOOTSTRAP = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "localhost:1");

    /** {@code Shipped} stored as version 1, as PostgreSQL's jsonb prints it. */
    private static OutboxRecord shippedV1(String correlationId, String causationId) {
        return new OutboxRecord(ID, "parcel", "p-1", "Shipped", 1, "{\"kg\": 1.25, \"parcelId\": \"p-1\"}", AT,
                correlationId, causationId, LSN);
    }

    private static OutboxRecord opened(UUID id, String accountId) {
        return new OutboxRecord(id, "account", accountId, "Opened", 1,
                "{\"owner\": \"Ada ü\", \"accountId\": \"" + accountId + "\"}", AT, null, null, LSN);
    }

    private static RecordLayout layout(ValueFormat format) {
        return layout(format, null);
    }

    private static RecordLayout layout(ValueFormat format,
            java.util.function.BiConsumer<OutboxRecord, org.apache.kafka.common.header.Headers> hook) {
        return new RecordLayout(RecordLayout::defaultTopic, format, OutboxTestEvents.CATALOG, "eventType",
                "eventVersion", "aggregateType", hook);
    }

    /** Every header, in order, as text. */
    private static List<String> headers(ProducerRecord<byte[], byte[]> record) {
        List<String> all = new ArrayList<>();
        for (Header header : record.headers()) {
            all.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return all;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aJsonRecordHasTheRoutersTopicKeyAndHeadersAndThePayloadAsStored() {
        OutboxRecord record = shippedV1("corr-1", "cause-1");
        RecordLayout layout = layout(ValueFormat.JSON);

        ProducerRecord<byte[], byte[]> out = layout.toProducerRecord(record, layout.topic(record));

        assertThat(out.topic()).isEqualTo("outbox.event.parcel");
        assertThat(out.partition()).isNull();
        assertThat(out.timestamp()).isNull();
        assertThat(utf8(out.key())).isEqualTo("p-1");
        assertThat(utf8(out.value())).isEqualTo("{\"kg\": 1.25, \"parcelId\": \"p-1\"}");
        assertThat(headers(out)).containsExactly("id=" + ID, "eventType=Shipped", "eventVersion=1",
                "aggregateType=parcel", "correlationId=corr-1", "causationId=cause-1");
    }

    @Test
    void anAvroRecordHoldsTheEventUpcastToTheLatestVersionAndSaysThatVersion() {
        OutboxRecord record = shippedV1(null, null);
        RecordLayout layout = layout(ValueFormat.AVRO);

        ProducerRecord<byte[], byte[]> out = layout.toProducerRecord(record, layout.topic(record));

        assertThat(out.value()).isEqualTo(OutboxTestEvents.CATALOG.toAvro(new Shipped("p-1", 1250)));
        assertThat(out.value()[0]).isEqualTo((byte) 0xC3);
        assertThat(headers(out)).containsExactly("id=" + ID, "eventType=Shipped", "eventVersion=2",
                "aggregateType=parcel");
        assertThat(utf8(out.key())).isEqualTo("p-1");
    }

    @Test
    void bothValueFormatsDeserializeToTheSameTypedEvent() {
        OutboxEventDeserializer deserializer = new OutboxEventDeserializer();
        deserializer.configure(Map.of(OutboxConfig.CATALOG, OutboxTestEvents.CATALOG), false);
        List<Object> read = new ArrayList<>();
        for (ValueFormat format : ValueFormat.values()) {
            OutboxRecord record = shippedV1(null, null);
            ProducerRecord<byte[], byte[]> out = layout(format).toProducerRecord(record, "t");
            read.add(deserializer.deserialize(out.topic(), out.headers(), out.value()));
            assertThat(OutboxHeaders.eventId(out.headers())).contains(ID);
        }
        assertThat(read).containsExactly(new Shipped("p-1", 1250), new Shipped("p-1", 1250));
    }

    @Test
    void theHookAddsHeadersAfterThePublishersButCannotReplaceThem() {
        RecordLayout adding = layout(ValueFormat.JSON,
                (record, headers) -> headers.add("commitLsn", record.commitLsn().toString().getBytes()));
        assertThat(headers(adding.toProducerRecord(shippedV1(null, null), "t")))
                .endsWith("commitLsn=" + LSN).hasSize(5);

        RecordLayout replacing = layout(ValueFormat.JSON, (record, headers) -> headers.add("id", new byte[0]));
        assertThatThrownBy(() -> replacing.toProducerRecord(shippedV1(null, null), "t"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'id'");
    }

    @Test
    void otherHeaderNamesAndTopicsAreTheBuildersToChoose() {
        RecordLayout layout = new RecordLayout(record -> "events-" + record.type(), ValueFormat.JSON, null, "type",
                "version", "category", null);
        OutboxRecord record = shippedV1(null, null);
        ProducerRecord<byte[], byte[]> out = layout.toProducerRecord(record, layout.topic(record));
        assertThat(out.topic()).isEqualTo("events-Shipped");
        assertThat(headers(out)).containsExactly("id=" + ID, "type=Shipped", "version=1", "category=parcel");
    }

    @Test
    void thePublisherForcesIdempotenceAllAcksAndRetriesWithoutEnd() {
        Map<String, Object> settings = KafkaPublisher.builder(BOOTSTRAP).settings();

        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    }

    @Test
    void settingsThatKeepTheGuaranteesAreAccepted() {
        Map<String, Object> user = new HashMap<>(BOOTSTRAP);
        user.put(ProducerConfig.ACKS_CONFIG, "-1");
        user.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        user.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        user.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        user.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        user.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        user.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());

        assertThat(KafkaPublisher.builder(user).settings())
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void settingsThatWouldBreakTheGuaranteesAreRefusedByName() {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put(ProducerConfig.ACKS_CONFIG, "1");
        refused.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        refused.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "6");
        refused.put(ProducerConfig.RETRIES_CONFIG, 10);
        refused.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        refused.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "relay");
        refused.put(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, true);
        refused.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        refused.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "org.example.Mine");
        refused.forEach((property, value) -> {
            Map<String, Object> user = new HashMap<>(BOOTSTRAP);
            user.put(property, value);
            assertThatThrownBy(() -> KafkaPublisher.builder(user)).as(property)
                    .isInstanceOfSatisfying(ProducerSettingException.class, e -> {
                        assertThat(e.property()).isEqualTo(property);
                        assertThat(e.value()).isEqualTo(String.valueOf(value));
                        assertThat(e.getMessage()).contains("'" + property + "'", "leave it unset");
                    });
        });
    }

    private static KafkaPublisher publisher(List<MockProducer<byte[], byte[]>> made, ValueFormat format) {
        return KafkaPublisher.builder(BOOTSTRAP).valueFormat(format).catalog(OutboxTestEvents.CATALOG)
                .producers(settings -> {
                    MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                            new ByteArraySerializer());
                    made.add(producer);
                    return producer;
                })
                .build();
    }

    @Test
    void aStageCompletesOnlyWhenTheProducerAcknowledgesAndFailsTypedWhenItDoesNot() {
        List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
        try (KafkaPublisher publisher = publisher(made, ValueFormat.JSON)) {
            UUID second = UUID.randomUUID();
            CompletableFuture<RecordMetadata> first = publisher.publish(opened(ID, "a-1")).toCompletableFuture();
            CompletableFuture<RecordMetadata> next = publisher.publish(opened(second, "a-1")).toCompletableFuture();
            assertThat(first).isNotDone();

            MockProducer<byte[], byte[]> producer = made.get(0);
            assertThat(producer.completeNext()).isTrue();
            assertThat(first).isCompleted();
            assertThat(next).isNotDone();
            assertThat(producer.errorNext(new RecordTooLargeException("too large"))).isTrue();

            assertThatThrownBy(next::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(PublishException.class, e -> {
                        assertThat(e.eventId()).isEqualTo(second);
                        assertThat(e.topic()).contains("outbox.event.account");
                        assertThat(e.aggregateId()).isEqualTo("a-1");
                        assertThat(e.commitLsn()).isEqualTo(LSN);
                        assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class);
                    });
            assertThat(producer.history()).extracting(r -> utf8(r.key())).containsExactly("a-1", "a-1");
        }
    }

    @Test
    void aPayloadTheAvroFormatCannotDecodeFailsItsStageWithoutReachingTheProducer() {
        List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
        try (KafkaPublisher publisher = publisher(made, ValueFormat.AVRO)) {
            OutboxRecord bad = new OutboxRecord(ID, "account", "a-1", "Opened", 1, "{\"owner\": 3}", AT, null, null,
                    LSN);
            CompletableFuture<RecordMetadata> stage = publisher.publish(bad).toCompletableFuture();

            assertThat(stage).isCompletedExceptionally();
            assertThatThrownBy(stage::join).cause().isInstanceOf(PublishException.class)
                    .hasCauseInstanceOf(dev.stele.SteleException.class);
            assertThat(made.get(0).history()).isEmpty();
        }
    }

    @Test
    void recoverDropsWhatIsInFlightAndPublishesOnANewProducer() {
        List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
        KafkaPublisher publisher = publisher(made, ValueFormat.JSON);
        CompletableFuture<RecordMetadata> inFlight = publisher.publish(opened(ID, "a-1")).toCompletableFuture();

        publisher.recover();

        assertThat(made).hasSize(2);
        assertThat(made.get(0).closed()).isTrue();
        assertThat(inFlight).isCompletedExceptionally();
        CompletableFuture<RecordMetadata> again = publisher.publish(opened(ID, "a-1")).toCompletableFuture();
        assertThat(made.get(1).completeNext()).isTrue();
        assertThat(again).isCompleted();

        publisher.close();
        assertThat(made.get(1).closed()).isTrue();
        assertThatThrownBy(() -> publisher.publish(opened(ID, "a-1"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(publisher::recover).isInstanceOf(IllegalStateException.class);
        publisher.close();
    }

    @Test
    void aHookThatFailsFailsThatRecordsStageOnly() {
        List<MockProducer<byte[], byte[]>> made = new ArrayList<>();
        try (KafkaPublisher publisher = KafkaPublisher.builder(BOOTSTRAP)
                .headers((record, headers) -> {
                    if (record.aggregateId().equals("bad")) {
                        throw new IllegalArgumentException("no trace");
                    }
                    headers.add("trace", new byte[] {1});
                })
                .producers(settings -> {
                    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                            new ByteArraySerializer());
                    made.add(producer);
                    return producer;
                })
                .build()) {
            assertThat(publisher.publish(opened(ID, "bad")).toCompletableFuture()).isCompletedExceptionally();
            assertThat(publisher.publish(opened(ID, "good")).toCompletableFuture()).isCompleted();
            assertThat(made.get(0).history()).hasSize(1);
            assertThat(made.get(0).history().get(0).headers().lastHeader("trace")).isNotNull();
        }
    }
}
