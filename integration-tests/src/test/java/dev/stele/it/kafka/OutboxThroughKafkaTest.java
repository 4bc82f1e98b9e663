package dev.stele.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.OutboxRecordException;
import dev.stele.demo.Database;
import dev.stele.it.cdc.EmbeddedDebezium;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.events.ParcelShipped;
import dev.stele.kafka.OutboxConfig;
import dev.stele.kafka.OutboxEventDeserializer;
import dev.stele.kafka.OutboxEventSerializer;
import dev.stele.kafka.OutboxHeaders;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.StreamId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stele's outbox, end to end through a real broker: a real {@link EventStore} appends, the real Debezium
 * engine with the Outbox Event Router (the settings of {@link DebeziumConnectorConfig#forOutbox}) captures the
 * outbox rows, the records go to the {@link KafkaBroker} with their topic, key, value and headers as the engine
 * gave them, and a plain {@link KafkaConsumer} with {@link OutboxEventDeserializer} reads them back as typed
 * events.
 */
class OutboxThroughKafkaTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final String SLOT = "stele_it_kafka_outbox";
    private static final String PUBLICATION = "stele_it_kafka_outbox_pub";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;

    private String schema;
    private EventStore store;
    private Connection sql;

    /** One event as appended: its id and the latest-version event it reads as. */
    private record Delivered(UUID id, Object event) {
    }

    @BeforeAll
    static void startTheBroker() throws Exception {
        KafkaBroker.createTopic("outbox.event.account", PARTITIONS);
        KafkaBroker.createTopic("outbox.event.parcel", PARTITIONS);
        System.out.println("the test Kafka broker started in " + KafkaBroker.startTime().toMillis() + " ms");
    }

    @BeforeEach
    void createStoreSlotAndPublication() throws Exception {
        schema = "it_kafka_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        store = EventStore.create(Database.dataSource(), CATALOG, EventStoreOptions.defaults().withSchema(schema));
        sql = Database.dataSource().getConnection();
        EmbeddedDebezium.createSlotAndPublication(sql, SLOT, PUBLICATION, schema + ".stele_outbox");
    }

    @AfterEach
    void dropSlotAndPublication() throws Exception {
        try {
            EmbeddedDebezium.dropSlotAndPublication(sql, SLOT, PUBLICATION);
        } finally {
            sql.close();
        }
    }

    /**
     * The embedded engine with the router as {@code forOutbox} configures it. The embedded engine's
     * {@code Json} format writes keys, values and headers with JsonConverter (schemas off here), so the key is
     * the stream id as a JSON string, {@code "a-1"}; a Connect worker with forOutbox's StringConverter writes
     * {@code a-1}.
     */
    private Properties router() {
        Properties props = EmbeddedDebezium.properties("stele-it-kafka-outbox", SLOT, PUBLICATION);
        DebeziumConnectorConfig.defaults().withSchemas(false).forOutbox(schema + ".stele_outbox").forEach((key, value) -> {
            if (key.startsWith("transforms") || key.equals("tombstones.on.delete") || key.equals("table.include.list")) {
                props.setProperty(key, value);
            }
        });
        props.setProperty("converter.schemas.enable", "false");
        return props;
    }

    @Test
    void everyEventTheRouterCapturedIsConsumedFromKafkaAsTheTypedEventAppendedInPerKeyOrder() throws Exception {
        Map<String, List<Delivered>> appended = new LinkedHashMap<>();
        List<EmbeddedDebezium.Captured> captured;
        try (EmbeddedDebezium debezium = EmbeddedDebezium.start(router())) {
            for (int round = 0; round < 5; round++) {
                for (int account = 0; account < 8; account++) {
                    String id = "a-" + account;
                    List<Object> events = round == 0
                            ? List.of(new AccountOpened(id, "Owner " + account), new MoneyDeposited(id, 100))
                            : List.of(round % 2 == 0 ? new MoneyWithdrawn(id, round) : new MoneyDeposited(id, round));
                    append("account", id, events, appended);
                }
                String parcel = "p-" + round;
                append("parcel", parcel, List.of(parcelV1(parcel, round + 0.5),
                        new ParcelShipped(parcel, round, "DHL", Instant.parse("2026-01-31T10:15:30Z"), round % 2 == 0)),
                        appended);
            }
            int total = appended.values().stream().mapToInt(List::size).sum();
            captured = debezium.await(total, TIMEOUT);
        }

        long producing = System.nanoTime();
        produce(captured);
        Map<String, List<Delivered>> consumed = new LinkedHashMap<>();
        Map<String, TopicPartition> partitionOfKey = new HashMap<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("outbox.event.account", "outbox.event.parcel")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int count = 0;
            while (count < captured.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = record.key();
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    assertThat(partitionOfKey.computeIfAbsent(key, k -> partition)).as("the partition of " + key)
                            .isEqualTo(partition);
                    consumed.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Delivered(OutboxHeaders.eventId(record.headers()).orElseThrow(), record.value()));
                    count++;
                }
            }
            assertThat(consumer.poll(Duration.ofMillis(200))).as("records beyond those produced").isEmpty();
        }
        System.out.println(captured.size() + " records produced and consumed in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - producing) + " ms");

        Map<String, List<Delivered>> expected = new LinkedHashMap<>();
        appended.forEach((streamId, events) -> expected.put("\"" + streamId + "\"", events));
        assertThat(consumed).isEqualTo(expected);
        assertThat(Set.copyOf(partitionOfKey.values())).as("keys spread over partitions").hasSizeGreaterThan(1);
    }

    /**
     * What Kafka does with the deserializer's {@link OutboxRecordException}: {@code poll} throws it wrapped, with
     * the partition and offset, again and again, until the application seeks past the record. Also the
     * {@link OutboxEventSerializer} on a real producer.
     */
    @Test
    void aRecordThatCannotBeReadStopsThePollUntilTheConsumerSeeksPastIt() throws Exception {
        String topic = "stele-it-kafka-poison-" + System.nanoTime();
        KafkaBroker.createTopic(topic, 1);
        UUID first = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProperties(StringSerializer.class,
                OutboxEventSerializer.class))) {
            ProducerRecord<String, Object> good = new ProducerRecord<>(topic, "a-1", new AccountOpened("a-1", "Ada"));
            good.headers().add("id", first.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(good).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "a-1", new MoneyDeposited("a-1", 5))).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(ByteArraySerializer.class,
                ByteArraySerializer.class))) {
            ProducerRecord<byte[], byte[]> bad = new ProducerRecord<>(topic, null, utf8("a-1"),
                    utf8("{\"accountId\":\"a-1\",\"amountMinor\":6}"), new RecordHeaders());
            bad.headers().add("id", utf8(poison.toString()));   // no event name nor version
            producer.send(bad).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProperties(StringSerializer.class,
                OutboxEventSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "a-1", new MoneyDeposited("a-1", 7))).get(30, TimeUnit.SECONDS);
        }

        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, Object>> read = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            RecordDeserializationException failure = pollUntilFailure(consumer, read);

            assertThat(read).extracting(ConsumerRecord::value)
                    .containsExactly(new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 5));
            assertThat(OutboxHeaders.eventId(read.get(0).headers())).contains(first);
            assertThat(failure.topicPartition()).isEqualTo(partition);
            assertThat(failure.offset()).isEqualTo(2);
            assertThat(failure.getCause()).isInstanceOfSatisfying(OutboxRecordException.class, e -> {
                assertThat(e.problem()).isEqualTo(OutboxRecordException.Problem.MISSING_HEADER);
                assertThat(e.eventId()).contains(poison);
            });
            assertThat(pollUntilFailure(consumer, read).offset()).as("the same record, again").isEqualTo(2);

            consumer.seek(partition, failure.offset() + 1);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        assertThat(read).extracting(ConsumerRecord::value).last().isEqualTo(new MoneyDeposited("a-1", 7));
    }

    private static RecordDeserializationException pollUntilFailure(KafkaConsumer<String, Object> consumer,
            List<ConsumerRecord<String, Object>> read) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            } catch (RecordDeserializationException e) {
                return e;
            }
        }
        throw new AssertionError("poll never failed on the record without headers");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Each record as the engine gave it: topic, key, value and headers, the bytes a Connect worker would send. */
    private static void produce(List<EmbeddedDebezium.Captured> captured) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(ByteArraySerializer.class,
                ByteArraySerializer.class))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (EmbeddedDebezium.Captured record : captured) {
                RecordHeaders headers = new RecordHeaders();
                record.headerBytes().forEach(headers::add);
                sent.add(producer.send(new ProducerRecord<>(record.topic(), null, record.keyBytes(),
                        record.valueBytes(), headers)));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Properties producerProperties(Class<?> keySerializer, Class<?> valueSerializer) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        props.put(OutboxConfig.CATALOG, CATALOG);
        return props;
    }

    /** A plain consumer, its value deserializer created by Kafka from the class name and configured. */
    private static KafkaConsumer<String, Object> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, OutboxEventDeserializer.class);
        props.put(OutboxConfig.CATALOG, CATALOG);
        return new KafkaConsumer<>(props);
    }

    /** Appends with known ids; records, per stream, each event's id and the latest-version event it reads as. */
    private void append(String category, String streamId, List<Object> events, Map<String, List<Delivered>> appended) {
        List<NewEvent> news = new ArrayList<>();
        for (Object event : events) {
            NewEvent news1 = new NewEvent(UUID.randomUUID(), event, EventMetadata.empty());
            news.add(news1);
            var json = CATALOG.toJson(event);
            appended.computeIfAbsent(streamId, k -> new ArrayList<>())
                    .add(new Delivered(news1.eventId(), CATALOG.fromJson(json.name(), json.version(), json.payload())));
        }
        store.append(StreamId.of(category, streamId), ExpectedVersion.any(), news);
    }

    /** {@code ParcelShipped} v1, a package-private record of the test events. */
    private static Object parcelV1(String id, double weightKg) throws Exception {
        var constructor = Class.forName("dev.stele.it.events.ParcelShippedV1").getDeclaredConstructor(String.class,
                double.class);
        constructor.setAccessible(true);
        return constructor.newInstance(id, weightKg);
    }
}
