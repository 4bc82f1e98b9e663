package dev.stele.it.kafka.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.events.ParcelShipped;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.kafka.KafkaPublisher.ValueFormat;
import dev.stele.kafka.OutboxConfig;
import dev.stele.kafka.OutboxEventDeserializer;
import dev.stele.kafka.PublishException;
import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.Position;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KafkaPublisher} against the real {@link KafkaBroker}: outbox records as the relay reads them (built
 * from the events a real {@link EventStore} wrote, with their metadata), published in both
 * value formats to two topics and read back by a plain consumer with {@link OutboxEventDeserializer}.
 */
class KafkaPublisherTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;
    private static final String LSN_HEADER = "commitLsn";

    private String schema;
    private EventStore store;
    /** The commit LSN (a stand-in: the WAL position right after the append committed) of each event. */
    private final Map<UUID, Lsn> lsnOf = new HashMap<>();

    /** One consumed record: where it was and what it read as. */
    private record Consumed(String topic, int partition, String key, Map<String, String> headers, Object event) {
    }

    @BeforeEach
    void createStore() {
        schema = "it_kpub_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        store = EventStore.create(Database.dataSource(), CATALOG, EventStoreOptions.defaults().withSchema(schema));
    }

    @Test
    void bothValueFormatsCarryTheRoutersLayoutInPerKeyOrderAndDecodeToTheEventsAppended() throws Exception {
        String jsonTopic = "stele-it-kpub-json-" + System.nanoTime();
        String avroTopic = "stele-it-kpub-avro-" + System.nanoTime();
        KafkaBroker.createTopic(jsonTopic, PARTITIONS);
        KafkaBroker.createTopic(avroTopic, PARTITIONS);

        Map<UUID, Object> appended = new LinkedHashMap<>();
        for (int round = 0; round < 4; round++) {
            for (int account = 0; account < 6; account++) {
                String id = "a-" + account;
                List<Object> events = round == 0
                        ? List.of(new AccountOpened(id, "Owner ü " + account), new MoneyDeposited(id, 100))
                        : List.of(round % 2 == 0 ? new MoneyWithdrawn(id, round) : new MoneyDeposited(id, round));
                EventMetadata metadata = account % 2 == 0 ? EventMetadata.empty()
                        : EventMetadata.empty().withCorrelationId("corr-" + id).withCausationId("cause-" + round);
                append("account", id, events, metadata, appended);
            }
            String parcel = "p-" + round;
            append("parcel", parcel, List.of(parcelV1(parcel, round + 0.5),
                    new ParcelShipped(parcel, round, "DHL", Instant.parse("2026-01-31T10:15:30Z"), true)),
                    EventMetadata.empty().withCorrelationId("corr-" + parcel), appended);
        }
        List<OutboxRecord> records = outbox();
        assertThat(records).extracting(OutboxRecord::id).containsExactlyElementsOf(appended.keySet());
        assertThat(records).filteredOn(r -> r.type().equals("ParcelShipped")).extracting(OutboxRecord::eventVersion)
                .as("parcels stored as v1 and v3").contains(1, 3);

        try (KafkaPublisher json = publisher(ValueFormat.JSON, jsonTopic, Map.of());
                KafkaPublisher avro = publisher(ValueFormat.AVRO, avroTopic, Map.of())) {
            List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
            for (OutboxRecord record : records) {
                acks.add(json.publish(record).toCompletableFuture());
                acks.add(avro.publish(record).toCompletableFuture());
            }
            for (CompletableFuture<RecordMetadata> ack : acks) {
                assertThat(ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).hasOffset()).isTrue();
            }
        }

        List<Consumed> consumed = consume(List.of(jsonTopic, avroTopic), records.size() * 2);

        Map<String, Map<UUID, Object>> eventsByTopic = new HashMap<>();
        Map<String, List<UUID>> orderByTopicAndKey = new LinkedHashMap<>();
        Map<String, Integer> partitionByTopicAndKey = new HashMap<>();
        Map<UUID, OutboxRecord> recordById = new HashMap<>();
        records.forEach(r -> recordById.put(r.id(), r));
        for (Consumed record : consumed) {
            UUID id = UUID.fromString(record.headers().get("id"));
            OutboxRecord source = recordById.get(id);
            boolean isAvro = record.topic().equals(avroTopic);
            assertThat(record.key()).isEqualTo(source.aggregateId());
            Map<String, String> expectedHeaders = new LinkedHashMap<>();
            expectedHeaders.put("id", id.toString());
            expectedHeaders.put("eventType", source.type());
            expectedHeaders.put("eventVersion", Integer.toString(isAvro
                    ? CATALOG.eventType(record.event().getClass()).version() : source.eventVersion()));
            expectedHeaders.put("aggregateType", source.aggregateType());
            if (source.correlationId() != null) {
                expectedHeaders.put("correlationId", source.correlationId());
            }
            if (source.causationId() != null) {
                expectedHeaders.put("causationId", source.causationId());
            }
            expectedHeaders.put(LSN_HEADER, lsnOf.get(id).toString());
            assertThat(record.headers()).as("the headers of " + id + " on " + record.topic())
                    .containsExactlyEntriesOf(expectedHeaders);
            eventsByTopic.computeIfAbsent(record.topic(), t -> new HashMap<>()).put(id, record.event());
            String topicAndKey = record.topic() + "/" + record.key();
            orderByTopicAndKey.computeIfAbsent(topicAndKey, k -> new ArrayList<>()).add(id);
            assertThat(partitionByTopicAndKey.computeIfAbsent(topicAndKey, k -> record.partition()))
                    .as("one partition per key").isEqualTo(record.partition());
        }
        assertThat(consumed).filteredOn(c -> c.topic().equals(avroTopic) && c.event() instanceof ParcelShipped)
                .extracting(c -> c.headers().get("eventVersion")).as("Avro values are the latest version")
                .containsOnly("3");
        assertThat(consumed).filteredOn(c -> c.topic().equals(jsonTopic) && c.event() instanceof ParcelShipped)
                .extracting(c -> c.headers().get("eventVersion")).as("JSON values keep the stored version")
                .contains("1", "3");

        assertThat(eventsByTopic.get(jsonTopic)).isEqualTo(appended);
        assertThat(eventsByTopic.get(avroTopic)).isEqualTo(appended);
        Map<String, List<UUID>> expectedOrder = new LinkedHashMap<>();
        for (OutboxRecord record : records) {
            for (String topic : List.of(jsonTopic, avroTopic)) {
                expectedOrder.computeIfAbsent(topic + "/" + record.aggregateId(), k -> new ArrayList<>())
                        .add(record.id());
            }
        }
        assertThat(orderByTopicAndKey).as("per-key order").containsOnlyKeys(expectedOrder.keySet());
        expectedOrder.forEach((key, ids) -> assertThat(orderByTopicAndKey.get(key)).as(key).isEqualTo(ids));
        assertThat(partitionByTopicAndKey.values().stream().distinct().count()).as("keys spread over partitions")
                .isGreaterThan(1);
    }

    @Test
    void aRecordTooLargeOrForAnInvalidTopicFailsItsStageTypedAndRecoverLetsPublishingGoOn() throws Exception {
        String topic = "stele-it-kpub-fail-" + System.nanoTime();
        KafkaBroker.createTopic(topic, 1);
        Map<UUID, Object> appended = new LinkedHashMap<>();
        append("account", "a-1", List.of(new AccountOpened("a-1", "Ada")), EventMetadata.empty(), appended);
        append("account", "a-1", List.of(new MoneyDeposited("a-1", 4000)),
                EventMetadata.empty(), appended);
        append("account", "a-big", List.of(new AccountOpened("a-big", "x".repeat(4000))), EventMetadata.empty(),
                appended);
        append("account", "a-1", List.of(new MoneyDeposited("a-1", 7)), EventMetadata.empty(), appended);
        List<OutboxRecord> records = outbox();
        OutboxRecord opened = records.get(0);
        OutboxRecord deposited = records.get(1);
        OutboxRecord big = records.get(2);
        OutboxRecord last = records.get(3);
        String invalidTopic = "no spaces allowed!";

        Map<String, Object> small = Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2048,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaPublisher publisher = KafkaPublisher.builder(producer(small))
                .topic(record -> record.id().equals(deposited.id()) ? invalidTopic : topic)
                .headers((record, headers) -> headers.add(LSN_HEADER, utf8(record.commitLsn().toString())))
                .build()) {
            publisher.publish(opened).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            CompletableFuture<?> refusedTopic = publisher.publish(deposited).toCompletableFuture();
            assertThatThrownBy(() -> refusedTopic.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(PublishException.class, e -> {
                        assertThat(e.eventId()).isEqualTo(deposited.id());
                        assertThat(e.topic()).contains(invalidTopic);
                        assertThat(e.getCause()).isInstanceOf(InvalidTopicException.class);
                    });
            publisher.recover();

            CompletableFuture<?> tooLarge = publisher.publish(big).toCompletableFuture();
            assertThatThrownBy(() -> tooLarge.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(PublishException.class, e -> {
                        assertThat(e.eventId()).isEqualTo(big.id());
                        assertThat(e.topic()).contains(topic);
                        assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class);
                    });
            publisher.recover();

            publisher.publish(last).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        List<Consumed> consumed = consume(List.of(topic), 2);
        assertThat(consumed).extracting(c -> c.headers().get("id"))
                .containsExactly(opened.id().toString(), last.id().toString());
        assertThat(consumed).extracting(Consumed::event)
                .containsExactly(appended.get(opened.id()), appended.get(last.id()));
    }

    private KafkaPublisher publisher(ValueFormat format, String topic, Map<String, Object> extra) {
        return KafkaPublisher.builder(producer(extra))
                .catalog(CATALOG)
                .valueFormat(format)
                .topic(record -> topic)
                .headers((record, headers) -> headers.add(LSN_HEADER, utf8(record.commitLsn().toString())))
                .build();
    }

    private static Map<String, Object> producer(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    /** Reads {@code count} records from the start of every partition of {@code topics}, then checks there is no more. */
    private static List<Consumed> consume(List<String> topics, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, OutboxEventDeserializer.class);
        props.put(OutboxConfig.CATALOG, CATALOG);
        List<Consumed> consumed = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumed.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        assertThat(headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)))
                                .as("header " + header.key() + " once").isNull();
                    }
                    consumed.add(new Consumed(record.topic(), record.partition(), record.key(), headers,
                            record.value()));
                }
            }
            assertThat(consumed).hasSize(count);
            assertThat(consumer.poll(Duration.ofMillis(200))).as("records beyond those published").isEmpty();
        }
        return consumed;
    }

    /**
     * The outbox as the relay reads it, built from the events table (the store writes each outbox row from its
     * event's columns and deletes it again in the same transaction): in commit order (here, the events' global
     * positions: the appends ran one after the other), with the correlation and causation ids of each event's
     * metadata, as the store reads them back. The relay itself is tested in {@code dev.stele.it.relay}.
     */
    private List<OutboxRecord> outbox() throws Exception {
        Map<UUID, EventMetadata> metadata = new HashMap<>();
        Position read = store.readAll(Position.START, (RecordedEvent event) -> metadata.put(event.eventId(),
                event.metadata()));
        assertThat(read).isNotNull();
        List<OutboxRecord> records = new ArrayList<>();
        try (Connection sql = Database.dataSource().getConnection();
                PreparedStatement query = sql.prepareStatement("SELECT event_id, stream_category, stream_id, event_name,"
                        + " event_version, payload::text, recorded_at FROM " + schema + ".stele_events"
                        + " ORDER BY global_position");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                EventMetadata meta = metadata.get(id);
                records.add(new OutboxRecord(id, rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getInt(5), rows.getString(6), rows.getTimestamp(7).toInstant(), meta.correlationId(),
                        meta.causationId(), lsnOf.get(id)));
            }
        }
        return records;
    }

    /** Appends with known ids; records each event's id and the latest-version event it reads as. */
    private void append(String category, String streamId, List<Object> events, EventMetadata metadata,
            Map<UUID, Object> appended) throws Exception {
        List<NewEvent> news = new ArrayList<>();
        for (Object event : events) {
            NewEvent news1 = new NewEvent(UUID.randomUUID(), event, metadata);
            news.add(news1);
            var json = CATALOG.toJson(event);
            appended.put(news1.eventId(), CATALOG.fromJson(json.name(), json.version(), json.payload()));
        }
        store.append(StreamId.of(category, streamId), ExpectedVersion.any(), news);
        Lsn lsn;
        try (Connection sql = Database.dataSource().getConnection(); Statement statement = sql.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            row.next();
            lsn = Lsn.parse(row.getString(1));
        }
        news.forEach(event -> lsnOf.put(event.eventId(), lsn));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ParcelShipped} v1, a package-private record of the test events. */
    private static Object parcelV1(String id, double weightKg) throws Exception {
        var constructor = Class.forName("dev.stele.it.events.ParcelShippedV1").getDeclaredConstructor(String.class,
                double.class);
        constructor.setAccessible(true);
        return constructor.newInstance(id, weightKg);
    }
}
