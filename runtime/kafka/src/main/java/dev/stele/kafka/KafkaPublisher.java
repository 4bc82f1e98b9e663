package dev.stele.kafka;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.Publisher;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Headers;

/**
 * The outbox relay's {@link Publisher} to Kafka, writing each {@link OutboxRecord} as Debezium's Outbox Event
 * Router writes the same outbox row, so consumers do not see which of the two published it.
 *
 * <pre>{@code
 * Publisher kafka = KafkaPublisher.builder(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092"))
 *         .valueFormat(KafkaPublisher.ValueFormat.JSON)                 // the default
 *         .topic(record -> "outbox.event." + record.aggregateType())   // the default
 *         .build();
 * }</pre>
 *
 * <h2>The record</h2>
 *
 * <ul>
 *   <li>topic: {@code outbox.event.<aggregateType>} (the router's {@code route.topic.replacement} default), or
 *       what {@link Builder#topic} gives;
 *   <li>key: the {@link OutboxRecord#aggregateId() aggregateId} as UTF-8 text (a {@code StringConverter}'s
 *       bytes, so the default partitioner puts a stream on the same partition as the router does); no
 *       partition, no timestamp (the producer's);
 *   <li>value: {@link ValueFormat#JSON} the payload's JSON as stored, or {@link ValueFormat#AVRO} the event in
 *       Avro single-object encoding;
 *   <li>headers, plain UTF-8 text (Kafka Connect's default header converter writes the router's so):
 *       {@code id} the event id; {@code eventType} the event name; {@code eventVersion} the version the value is
 *       written in; {@code aggregateType} the stream category; {@code correlationId} and {@code causationId}
 *       when the event's metadata has them; then what {@link Builder#headers} adds.
 * </ul>
 *
 * <h2>Guarantees</h2>
 *
 * The producer is idempotent with {@code acks=all} and at most 5 requests in flight per connection, retries
 * without limit and never gives a record up for time ({@code delivery.timeout.ms} = {@code retries} =
 * {@link Integer#MAX_VALUE}): the records of a stream (one key, so one partition) reach the partition once each
 * and in the order published, and a stage completes normally only once every in-sync replica has the record.
 * A broker outage makes the records wait, and {@link #publish} block once the producer's buffer is full: the
 * relay then reads nothing more and the slot keeps the WAL. {@link #builder} refuses producer properties that
 * would break this ({@link ProducerSettingException}). A stage completes exceptionally, with a
 * {@link PublishException}, only for a record that will not be delivered (too large, an invalid topic,
 * {@code max.block.ms} passed waiting for metadata or buffer space, not authorised, a payload the Avro format
 * cannot decode); the relay then calls {@link #recover} and publishes again from its last confirmed LSN.
 *
 * <p>Stages complete on the producer's network thread: actions chained to them must not block.
 * {@link #publish} is meant for the relay's one thread; {@link #recover} and {@link #close} may be called from
 * another.
 */
public final class KafkaPublisher implements Publisher {

    /** The header of the correlation id of the event's metadata, when it has one. */
    public static final String CORRELATION_ID_HEADER = "correlationId";
    /** The header of the causation id of the event's metadata, when it has one. */
    public static final String CAUSATION_ID_HEADER = "causationId";

    /** How an outbox record's value is written. */
    public enum ValueFormat {
        /**
         * The payload's JSON text as the outbox holds it (PostgreSQL's {@code jsonb} print), in UTF-8: what the
         * router sends with {@code table.expand.json.payload=true} and a JsonConverter without schemas, or with
         * a StringConverter. Header {@code eventVersion} is the version the event was appended in.
         */
        JSON,
        /**
         * The event in Avro single-object encoding ({@code C3 01}, the schema's 8-byte fingerprint, the body),
         * {@link Catalog#toAvro}, of the event as {@link Catalog#fromJson(String, int, String)} reads the payload:
         * upcast to the latest version the publisher's catalog knows, which is the version written and the one
         * header {@code eventVersion} states (the fingerprint says it too). A consumer needs a catalog that has
         * that version's schema, current or in its history: one at least as new as the publisher's.
         */
        AVRO
    }

    private final RecordLayout layout;
    private final Map<String, Object> settings;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private final Duration closeTimeout;
    private final Object lock = new Object();
    private volatile Producer<byte[], byte[]> producer;
    /** The stages of the current producer not yet complete, each with how to fail it. */
    private volatile Map<CompletableFuture<RecordMetadata>, Supplier<PublishException>> pending =
            new ConcurrentHashMap<>();
    private volatile boolean closed;

    private KafkaPublisher(Builder builder, Map<String, Object> settings) {
        this.layout = new RecordLayout(builder.topic, builder.format,
                builder.format == ValueFormat.AVRO && builder.catalog == null ? Catalog.load() : builder.catalog,
                builder.nameHeader, builder.versionHeader, builder.aggregateTypeHeader, builder.headers);
        this.settings = settings;
        this.producers = builder.producers;
        this.closeTimeout = builder.closeTimeout;
        this.producer = producers.apply(settings);
    }

    /**
     * A builder of a publisher producing with {@code producerProperties} (at least
     * {@code bootstrap.servers}) and the settings the publisher forces.
     *
     * @throws ProducerSettingException if a property would break the publisher's guarantees: {@code acks} other
     *     than {@code all}, {@code enable.idempotence=false}, {@code max.in.flight.requests.per.connection}
     *     above 5, {@code retries} or {@code delivery.timeout.ms} below {@link Integer#MAX_VALUE}, a
     *     {@code transactional.id}, {@code partitioner.ignore.keys=true}, a key or value serializer other than
     *     {@code ByteArraySerializer}
     */
    public static Builder builder(Map<String, ?> producerProperties) {
        return new Builder(ProducerSettings.of(producerProperties));
    }

    /**
     * Sends {@code record}; the stage completes with the record's {@link RecordMetadata} once every in-sync
     * replica has it, or exceptionally with a {@link PublishException} if it will not be delivered. Blocks while
     * the producer's buffer is full, up to {@code max.block.ms}.
     *
     * @throws InterruptException if the thread is interrupted while blocked (its interrupt flag stays set)
     * @throws IllegalStateException if the publisher is closed
     */
    @Override
    public CompletionStage<RecordMetadata> publish(OutboxRecord record) {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new IllegalStateException("the KafkaPublisher is closed");
        }
        Producer<byte[], byte[]> current = producer;
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        String topic = null;
        ProducerRecord<byte[], byte[]> out;
        try {
            topic = layout.topic(record);
            out = layout.toProducerRecord(record, topic);
        } catch (RuntimeException e) {
            done.completeExceptionally(new PublishException(record, topic, "its Kafka record could not be made: "
                    + e.getMessage(), e));
            return done;
        }
        String to = topic;
        Map<CompletableFuture<RecordMetadata>, Supplier<PublishException>> ofThisProducer = pending;
        ofThisProducer.put(done, () -> new PublishException(record, to, "dropped in flight by recover() or close()",
                null));
        done.whenComplete((metadata, failure) -> ofThisProducer.remove(done));
        try {
            current.send(out, (metadata, failure) -> {
                if (failure == null) {
                    done.complete(metadata);
                } else {
                    done.completeExceptionally(new PublishException(record, to, failure.toString(), failure));
                }
            });
        } catch (InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            done.completeExceptionally(new PublishException(record, to, e.toString(), e));
        }
        return done;
    }

    /**
     * Drops what is in flight and starts a new producer: the current one is closed without waiting, and the
     * stages of its records not yet acknowledged complete exceptionally (the relay publishes them again). A new producer
     * also has a new producer id, so nothing of the old one's sequence can hold the new records back.
     *
     * @throws IllegalStateException if the publisher is closed
     */
    @Override
    public void recover() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the KafkaPublisher is closed");
            }
            producer.close(Duration.ZERO);
            failPending();
            producer = producers.apply(settings);
        }
    }

    /**
     * Sends what is buffered and waits for it, up to the close timeout ({@link Builder#closeTimeout}, 30 s by
     * default), then closes the producer; the stages of records still unacknowledged then fail. Idempotent.
     */
    @Override
    public void close() {
        Producer<byte[], byte[]> current;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            current = producer;
        }
        try {
            current.close(closeTimeout);
        } finally {
            failPending();
        }
    }

    /** Fails every stage of the producer just closed still incomplete, and starts a new set. */
    private void failPending() {
        Map<CompletableFuture<RecordMetadata>, Supplier<PublishException>> dropped = pending;
        pending = new ConcurrentHashMap<>();
        dropped.forEach((stage, failure) -> stage.completeExceptionally(failure.get()));
    }

    /** Sets up a {@link KafkaPublisher}; not thread-safe. */
    public static final class Builder {

        private final Map<String, Object> settings;
        private Catalog catalog;
        private Function<? super OutboxRecord, String> topic = RecordLayout::defaultTopic;
        private ValueFormat format = ValueFormat.JSON;
        private String nameHeader = OutboxRouterRecords.DEFAULT_EVENT_NAME_HEADER;
        private String versionHeader = OutboxRouterRecords.DEFAULT_EVENT_VERSION_HEADER;
        private String aggregateTypeHeader = OutboxRouterRecords.DEFAULT_AGGREGATE_TYPE_HEADER;
        private BiConsumer<? super OutboxRecord, ? super Headers> headers;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Function<Map<String, Object>, Producer<byte[], byte[]>> producers = KafkaProducer::new;

        private Builder(Map<String, Object> settings) {
            this.settings = settings;
        }

        /**
         * The catalog the {@link ValueFormat#AVRO} format decodes payloads and encodes events with; absent,
         * {@link Catalog#load()}. The JSON format uses none.
         */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * The topic of each record; by default {@code "outbox.event." + record.aggregateType()}. A function that
         * throws or gives null or a blank name fails that record's publish.
         */
        public Builder topic(Function<? super OutboxRecord, String> topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /** How values are written; {@link ValueFormat#JSON} by default. */
        public Builder valueFormat(ValueFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The headers of the event name, its version and the stream category, when consumers expect other names
         * than {@code eventType}, {@code eventVersion} and {@code aggregateType} (the router's
         * {@code table.fields.additional.placement}, {@link OutboxConfig#EVENT_NAME_HEADER} and its kin on the
         * consumer's side).
         *
         * @throws IllegalArgumentException if a name is blank, {@code id}, or one of the others
         */
        public Builder headerNames(String eventName, String eventVersion, String aggregateType) {
            for (String name : new String[] {eventName, eventVersion, aggregateType}) {
                Objects.requireNonNull(name, "header name");
                if (name.isBlank() || name.equals(OutboxRouterRecords.ID_HEADER) || name.equals(CORRELATION_ID_HEADER)
                        || name.equals(CAUSATION_ID_HEADER)) {
                    throw new IllegalArgumentException("'" + name + "' cannot be a header name here: it is blank or"
                            + " a header the publisher writes with another meaning");
                }
            }
            if (eventName.equals(eventVersion) || eventName.equals(aggregateType) || eventVersion.equals(aggregateType)) {
                throw new IllegalArgumentException("the three header names must differ: " + eventName + ", "
                        + eventVersion + ", " + aggregateType);
            }
            this.nameHeader = eventName;
            this.versionHeader = eventVersion;
            this.aggregateTypeHeader = aggregateType;
            return this;
        }

        /**
         * Adds headers to each record after the publisher's own (tracing headers, say): {@code hook} gets the
         * outbox record and the headers to add to. A hook that throws, or adds a header the publisher writes,
         * fails that record's publish.
         */
        public Builder headers(BiConsumer<? super OutboxRecord, ? super Headers> hook) {
            this.headers = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** How long {@link KafkaPublisher#close} waits for buffered records; 30 s by default. */
        public Builder closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative: " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** Where producers come from, for tests (Kafka's {@code MockProducer}); by default a KafkaProducer. */
        Builder producers(Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
            this.producers = Objects.requireNonNull(producers, "producers");
            return this;
        }

        /** The producer properties the publisher runs with: the user's and the forced ones. */
        Map<String, Object> settings() {
            return Map.copyOf(settings);
        }

        /** A publisher with its producer created (it connects on first use). */
        public KafkaPublisher build() {
            return new KafkaPublisher(this, settings);
        }
    }
}
