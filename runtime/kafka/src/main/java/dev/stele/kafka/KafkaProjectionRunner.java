package dev.stele.kafka;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.kafka.KafkaProjectionStatus.State;
import dev.stele.kafka.internal.ConsumerLoop;
import dev.stele.kafka.internal.OffsetsTable;
import dev.stele.kafka.internal.Progress;
import dev.stele.replication.internal.Backoff;
import dev.stele.spi.ProjectionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@code @Projection} from Kafka topics in Stele's outbox layout (Debezium's Outbox Event Router: key = the
 * stream id, header {@code id} = the event id, name and version headers, value = the event's JSON; every form
 * {@link OutboxRouterRecords} reads), exactly once in effect.
 *
 * <pre>{@code
 * KafkaProjectionRunner runner = KafkaProjectionRunner.builder(dataSource, "broker:9092", "order-totals")
 *         .topics("outbox.event.order")
 *         .projection(new OrderTotals())
 *         .build();
 * runner.start();
 * runner.status();          // per partition held: the stored offset, records applied, a poison record stopped on
 * runner.close();
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Exactly-once effect.</b> The records of each poll are applied in ONE PostgreSQL transaction that also
 *       moves each partition's next offset in the offsets table ({@code <schema>.<prefix>kafka_offsets}, per
 *       projection, topic and partition). That table, not Kafka's committed offsets, says where to go on: on every
 *       assignment the runner seeks to the stored offset (to the beginning of a partition that has none). After a
 *       crash anywhere, the read model equals a clean rebuild. Effects outside the database happen at least once:
 *       de-duplicate them by {@code EventContext.eventId()}.</li>
 *   <li><b>Several instances</b> in one consumer group split the partitions. A batch applies only if each of its
 *       partitions' stored offset, locked ({@code FOR UPDATE}) in the batch's transaction, is still the one this
 *       instance last read or wrote; otherwise another instance moved it (a rebalance this one has not seen yet), and
 *       that partition's records are rolled back and read again from the stored offset. So an instance that lost a
 *       partition without knowing it cannot apply a batch twice.</li>
 *   <li><b>Order.</b> A partition's records are applied in offset order; the router keys a stream's events alike,
 *       so a stream's events arrive in order.</li>
 *   <li><b>Nothing skipped.</b> A record that cannot be read, or whose handler fails on every attempt (each attempt
 *       behind a savepoint, with backoff), stops its partition before it, with a {@link PoisonRecordException}
 *       naming topic, partition, offset, event id and name in {@link #status()}; the other partitions go on.
 *       Restart after a fix: it is tried again. Records of events the projection does not handle are passed over
 *       by their name header, unread. The consumer runs with {@code auto.offset.reset=none}: an offset Kafka no
 *       longer holds (retention deleted records never applied) fails the runner rather than skipping them.</li>
 * </ul>
 *
 * <p>It owns one thread ({@code stele-kafka-<projection>}) and one {@link KafkaConsumer}, and borrows one
 * connection of {@code dataSource} per poll. The event context has no global position, stream version or metadata
 * (the router's layout does not carry them): those are 0 and empty; its stream category is the
 * {@code aggregateType} header when present, else the topic; its commit time the record's timestamp.
 */
public final class KafkaProjectionRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProjectionRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Builder builder;
    private final ProjectionType<?> type;
    private final OffsetsTable offsets;
    private final Progress progress;
    private final Object lock = new Object();
    private ConsumerLoop<?> loop;
    private Thread thread;
    private boolean closed;

    private KafkaProjectionRunner(Builder builder, ProjectionType<?> type) {
        this.builder = builder;
        this.type = type;
        this.offsets = new OffsetsTable(builder.schema, builder.tablePrefix);
        this.progress = new Progress(type.registration(), builder.groupId);
    }

    /**
     * A runner of the consumer group {@code groupId} on the brokers {@code bootstrapServers}, applying through
     * connections of {@code dataSource}. Use one consumer group per projection.
     */
    public static Builder builder(DataSource dataSource, String bootstrapServers, String groupId) {
        return new Builder(dataSource, groupId).consumerProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    /**
     * The projection's registration: its name, with {@code @vN} after it from version 2 on. Its offsets are stored
     * under it, so each version of a projection keeps offsets of its own.
     */
    public String projection() {
        return type.registration();
    }

    /**
     * Creates the offsets table if missing, then subscribes and runs in the background.
     *
     * @throws IllegalStateException if it was started before
     * @throws KafkaProjectionException if the offsets table cannot be created
     * @throws org.apache.kafka.common.KafkaException if the consumer's configuration is not valid
     */
    public void start() {
        synchronized (lock) {
            if (thread != null || closed) {
                throw new IllegalStateException("the runner of projection " + projection() + " was started before"
                        + (closed ? " and closed; build a new one" : ""));
            }
            try (Connection connection = builder.dataSource.getConnection()) {
                offsets.create(connection);
            } catch (SQLException e) {
                throw new KafkaProjectionException("create the offsets table " + offsets.name(), e);
            }
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(builder.consumerConfig(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            loop = newLoop(type, consumer);
            thread = new Thread(loop, "stele-kafka-" + projection());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private <P> ConsumerLoop<P> newLoop(ProjectionType<P> typed, KafkaConsumer<byte[], byte[]> consumer) {
        OutboxRouterRecords reader = OutboxRouterRecords.of(builder.catalog)
                .withHeaders(builder.nameHeader, builder.versionHeader)
                .withValueSchemas(builder.valueSchemas);
        ConsumerLoop.Settings<P> settings = new ConsumerLoop.Settings<>(builder.dataSource, offsets, typed.registration(),
                builder.groupId, List.copyOf(builder.topics), reader, typed, typed.projectionClass().cast(
                        builder.instance), builder.attempts, new Backoff(builder.retryFirst, builder.retryMax),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)), builder.pollTimeout);
        return new ConsumerLoop<>(settings, consumer, progress);
    }

    /**
     * Stops polling and waits (up to 30 s) for the batch being applied to commit or roll back; what was not
     * committed comes again at the next start (of this or another instance).
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (thread != null) {
                loop.close();
                try {
                    // a poll returns at once on wakeup; a batch being applied ends in moments
                    thread.join(Math.max(1_000, builder.pollTimeout.toMillis()));
                    if (thread.isAlive() && !loop.closingConsumer()) {
                        thread.interrupt(); // a backoff between attempts, or a slow handler
                    }
                    thread.join(CLOSE_TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (thread.isAlive()) {
                    LOG.warn("The runner of projection {} did not stop within {} s: a handler may be stuck",
                            projection(), CLOSE_TIMEOUT.toSeconds());
                }
            }
            progress.state(State.CLOSED, progress.status().problem().orElse(null));
        }
    }

    /** The runner's state and the partitions it holds now, with their stored offsets. */
    public KafkaProjectionStatus status() {
        return progress.status();
    }

    /** Every offset stored in PostgreSQL for this projection, by topic and partition: the next record to apply. */
    public Map<TopicPartition, Long> storedOffsets() {
        try (Connection connection = builder.dataSource.getConnection()) {
            return offsets.all(connection, projection());
        } catch (SQLException e) {
            throw new KafkaProjectionException("read the offsets of projection " + projection() + " in "
                    + offsets.name(), e);
        }
    }

    /** Builds a {@link KafkaProjectionRunner}. */
    public static final class Builder {

        private final DataSource dataSource;
        private final String groupId;
        private final Map<String, Object> consumerProperties = new HashMap<>();
        private final List<String> topics = new ArrayList<>();
        private Catalog catalog;
        private Object instance;
        private ProjectionType<?> type;
        private String schema = "public";
        private String tablePrefix = "stele_";
        private String nameHeader = OutboxRouterRecords.DEFAULT_EVENT_NAME_HEADER;
        private String versionHeader = OutboxRouterRecords.DEFAULT_EVENT_VERSION_HEADER;
        private OutboxRouterRecords.ValueSchemas valueSchemas = OutboxRouterRecords.ValueSchemas.DETECT;
        private int attempts = 5;
        private Duration retryFirst = Duration.ofMillis(100);
        private Duration retryMax = Duration.ofSeconds(5);
        private Duration pollTimeout = Duration.ofMillis(500);

        private Builder(DataSource dataSource, String groupId) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.groupId = Objects.requireNonNull(groupId, "groupId");
            if (groupId.isBlank()) {
                throw new IllegalArgumentException("groupId must not be blank");
            }
        }

        /** The topics to read (at least one). */
        public Builder topics(String... topics) {
            return topics(List.of(topics));
        }

        /** The topics to read (at least one). */
        public Builder topics(Collection<String> topics) {
            for (String topic : topics) {
                if (Objects.requireNonNull(topic, "topic").isBlank()) {
                    throw new IllegalArgumentException("a topic name must not be blank");
                }
                this.topics.add(topic);
            }
            return this;
        }

        /** The catalog events are decoded with; by default {@link Catalog#load()}. */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** The {@code @Projection} instance; its generated type is found in the catalog. One per runner. */
        public Builder projection(Object projection) {
            this.instance = Objects.requireNonNull(projection, "projection");
            this.type = null;
            return this;
        }

        /** A projection with an explicit type (generated code, or written by hand for a test). */
        public <P> Builder projection(ProjectionType<P> type, P projection) {
            this.instance = Objects.requireNonNull(projection, "projection");
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * A Kafka consumer property ({@code security.protocol}, {@code max.poll.records}, {@code session.timeout.ms},
         * …). The runner sets {@code group.id}, {@code enable.auto.commit=false}, {@code auto.offset.reset=none} and
         * the deserializers itself, and {@code isolation.level=read_committed} unless given.
         *
         * @throws IllegalArgumentException for a property the runner sets itself, with another value
         */
        public Builder consumerProperty(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            switch (name) {
                case ConsumerConfig.GROUP_ID_CONFIG -> refuseUnless(name, value, groupId,
                        "the group id is the builder's");
                case ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG -> refuseUnless(name, value, "false",
                        "the offsets are committed to PostgreSQL with the projection's writes");
                case ConsumerConfig.AUTO_OFFSET_RESET_CONFIG -> refuseUnless(name, value, "none",
                        "the runner seeks to the stored offsets; an offset out of range must fail, not skip");
                case ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG ->
                        throw new IllegalArgumentException(name + " is the runner's: it reads the bytes with"
                                + " OutboxRouterRecords");
                default -> consumerProperties.put(name, value);
            }
            return this;
        }

        private static void refuseUnless(String name, Object value, String allowed, String why) {
            if (!value.toString().equals(allowed)) {
                throw new IllegalArgumentException(name + " cannot be " + value + ": " + why);
            }
        }

        /** Every entry of {@code properties}, as {@link #consumerProperty}. */
        public Builder consumerProperties(Map<String, ?> properties) {
            properties.forEach(this::consumerProperty);
            return this;
        }

        /** The schema of the offsets table (default {@code public}), created if missing. */
        public Builder schema(String schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The prefix of the offsets table (default {@code stele_}: {@code stele_kafka_offsets}). */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * The headers of the event name and stored version, as the router's {@code table.fields.additional.placement}
         * names them (default {@code eventType}, {@code eventVersion}; {@link OutboxConfig} for the deserializer).
         */
        public Builder eventHeaders(String nameHeader, String versionHeader) {
            this.nameHeader = Objects.requireNonNull(nameHeader, "nameHeader");
            this.versionHeader = Objects.requireNonNull(versionHeader, "versionHeader");
            return this;
        }

        /** Whether values are inside JsonConverter's schema envelope (default: detected). */
        public Builder valueSchemas(OutboxRouterRecords.ValueSchemas schemas) {
            this.valueSchemas = Objects.requireNonNull(schemas, "schemas");
            return this;
        }

        /**
         * How often a failing handler is tried before its partition stops (default 5), and the backoff between
         * attempts: from {@code first} doubling to {@code max}, with jitter (default 100 ms, 5 s).
         */
        public Builder retries(int attempts, Duration first, Duration max) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
            }
            this.attempts = attempts;
            this.retryFirst = Objects.requireNonNull(first, "first");
            this.retryMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /** How long one poll waits for records (default 500 ms). */
        public Builder pollTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pollTimeout must be positive");
            }
            this.pollTimeout = timeout;
            return this;
        }

        Map<String, Object> consumerConfig() {
            Map<String, Object> config = new HashMap<>(consumerProperties);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
            config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            return config;
        }

        /**
         * @throws IllegalStateException if no topic or no projection was given
         * @throws IllegalArgumentException if the schema or prefix is not a lower-case SQL identifier
         * @throws dev.stele.catalog.CatalogException if the catalog has no generated type for the projection
         */
        public KafkaProjectionRunner build() {
            if (topics.isEmpty()) {
                throw new IllegalStateException("no topics: call topics(...)");
            }
            if (instance == null) {
                throw new IllegalStateException("no projection: call projection(...)");
            }
            if (catalog == null) {
                catalog = Catalog.load();
            }
            new OffsetsTable(schema, tablePrefix); // checks the names now
            OutboxRouterRecords.of(catalog).withHeaders(nameHeader, versionHeader); // and the header names
            ProjectionType<?> resolved = type != null ? type : catalog.projectionType(instance.getClass());
            return new KafkaProjectionRunner(this, resolved);
        }
    }
}
