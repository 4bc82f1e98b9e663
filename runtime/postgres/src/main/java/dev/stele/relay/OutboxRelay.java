package dev.stele.relay;

import dev.stele.relay.internal.RelayLoop;
import dev.stele.relay.internal.RelaySession;
import dev.stele.relay.internal.RelaySetup;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.internal.Backoff;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreException;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.internal.Migrations;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the store's outbox through a logical replication slot: every event appended (with
 * {@link dev.stele.store.OutboxMode#TABLE} or {@link dev.stele.store.OutboxMode#MESSAGES}) reaches the
 * {@link Publisher}, at least once, in commit order. No polling, no dual write: the outbox commits with the
 * events, and the slot keeps it until the publisher acknowledged it.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store, ReplicationConnection.of(url, user, password))
 *         .publisher(KafkaPublisher.builder(producerProperties).build())   // or Publisher.synchronous(...)
 *         .build();
 * relay.start();
 * ...
 * relay.status();   // state, records published, in flight, and the slot: the log it holds back
 * relay.close();
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Nothing lost.</b> The slot is confirmed only up to the end of the newest transaction all of whose
 *       records, and all before them, the publisher acknowledged. After a crash or a failed publish, what follows
 *       that position is published again, with the same event ids (consumers de-duplicate on header {@code id}).
 *       A dropped or lost slot stops the relay ({@link RelaySlotException}); it is never made anew silently.</li>
 *   <li><b>Order.</b> Records go to the publisher in commit order, and within a transaction in append order;
 *       a publisher keeps the order of each stream's records.</li>
 *   <li><b>Backpressure.</b> A publisher that blocks or falls behind stops the relay from reading (at most
 *       {@link Builder#maxInFlight} unacknowledged): the slot holds the log meanwhile, visible in
 *       {@link #status()}.</li>
 *   <li><b>One relay per slot.</b> Instances started with the same slot elect one through an advisory lock;
 *       the others stand by and take over within about {@link Builder#standbyPollInterval} of its end.</li>
 * </ul>
 *
 * <p>Needs PostgreSQL 14 or later with {@code wal_level=logical}, and a role that may replicate and create a
 * publication on the outbox table the first time.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Tables t;
    private final RelaySession.Settings settings;
    private final Publisher publisher;
    private final RelayLoop loop;
    private final Object lock = new Object();
    private boolean started;
    private boolean closed;
    private Thread thread;

    private OutboxRelay(Builder builder) {
        this.dataSource = builder.dataSource;
        this.t = new Tables(builder.storeOptions.schema(), builder.storeOptions.tablePrefix());
        this.publisher = Objects.requireNonNull(builder.publisher, "a relay needs a publisher: Builder.publisher(...)");
        String outbox = t.outbox.substring(t.outbox.indexOf('.') + 1);
        this.settings = new RelaySession.Settings(builder.slot,
                builder.publication != null ? builder.publication : builder.slot, t.schema, outbox, builder.heartbeat,
                builder.maxInFlight);
        this.loop = new RelayLoop(new RelayLoop.Parts(dataSource, builder.replication::open, t, settings, publisher,
                builder.standbyPoll, new Backoff(builder.retryFirst, builder.retryMax)));
    }

    /** A relay of {@code store}'s outbox: its data source and tables, the slot read on {@code replication}. */
    public static Builder builder(EventStore store, ReplicationConnection replication) {
        return new Builder(store.dataSource(), replication).storeOptions(store.options());
    }

    /** A relay of the outbox of the store with the default tables, unless the builder says otherwise. */
    public static Builder builder(DataSource dataSource, ReplicationConnection replication) {
        return new Builder(dataSource, replication);
    }

    /**
     * Applies the store's migrations if they are missing, makes the publication and the slot if they are missing
     * (so every append that commits after this returns is relayed), then relays in the background, or stands by
     * if another instance relays from the slot.
     *
     * @throws RelaySlotException if the relay's slot was dropped or lost
     * @throws IllegalStateException if it was started before
     */
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("the relay of slot " + settings.slotName() + " was started before"
                        + (closed ? " and closed; build a new one" : ""));
            }
            started = true;
            new Migrations(t).apply(dataSource);
            try (Connection connection = dataSource.getConnection()) {
                new RelaySetup(t, settings.slotName(), settings.publication()).prepare(connection);
            } catch (SQLException e) {
                throw new EventStoreException("prepare the outbox relay's slot " + settings.slotName(), t.schema, e);
            }
            thread = new Thread(loop, "stele-relay-" + settings.slotName());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The relay's state, what it published, and its slot as the server reports it now. */
    public RelayStatus status() {
        Optional<SlotStatus> slot;
        try (Connection connection = dataSource.getConnection()) {
            slot = SlotQueries.status(connection, settings.slotName());
        } catch (SQLException e) {
            slot = Optional.empty();
        }
        return new RelayStatus(settings.slotName(), loop.state(), slot, loop.confirmed(), loop.published(),
                loop.inFlight(), Optional.ofNullable(loop.problem()));
    }

    /** Stops reading, waits (up to 30 s) for the thread, and closes the publisher; unconfirmed records come again. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            loop.close();
            if (thread != null) {
                boolean interrupted = false;
                try {
                    thread.join(200);
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (thread.isAlive()) {
                    LOG.warn("The outbox relay of slot {} did not stop within 30 s", settings.slotName());
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            loop.closed();
            try {
                publisher.close();
            } catch (Exception e) {
                LOG.warn("Closing the publisher of relay slot {} failed: {}", settings.slotName(), e.toString());
            }
        }
    }

    /**
     * Drops the relay's slot and its registration, so that the next {@link #start()} makes a new slot at the
     * present: for after a {@link RelaySlotException}, once what the old slot held was dealt with. Records not
     * published by then are not published by the new slot.
     */
    public static void forgetSlot(DataSource dataSource, EventStoreOptions storeOptions, String slot) {
        Tables t = new Tables(storeOptions.schema(), storeOptions.tablePrefix());
        try (Connection connection = dataSource.getConnection()) {
            new RelaySetup(t, slot, slot).forget(connection);
        } catch (SQLException e) {
            throw new EventStoreException("forget the outbox relay's slot " + slot, t.schema, e);
        }
    }

    /** Configures an {@link OutboxRelay}. */
    public static final class Builder {

        private final DataSource dataSource;
        private final ReplicationConnection replication;
        private EventStoreOptions storeOptions = EventStoreOptions.defaults();
        private Publisher publisher;
        private String slot = "stele_outbox_relay";
        private String publication;
        private int maxInFlight = 10_000;
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration standbyPoll = Duration.ofSeconds(5);
        private Duration retryFirst = Duration.ofMillis(200);
        private Duration retryMax = Duration.ofSeconds(30);

        private Builder(DataSource dataSource, ReplicationConnection replication) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.replication = Objects.requireNonNull(replication, "replication");
        }

        /** The store's tables (schema, prefix); defaults to {@link EventStoreOptions#defaults()}. */
        public Builder storeOptions(EventStoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Where the records go. Required. */
        public Builder publisher(Publisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /** The slot's name; default {@code stele_outbox_relay}. Not a slot projections read. */
        public Builder slot(String name) {
            this.slot = SlotQueries.checkName("slot", name);
            return this;
        }

        /** The publication of the outbox table; default the slot's name. */
        public Builder publication(String name) {
            this.publication = SlotQueries.checkName("publication", name);
            return this;
        }

        /** At most this many records handed to the publisher and not acknowledged; default 10,000. */
        public Builder maxInFlight(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, not " + records);
            }
            this.maxInFlight = records;
            return this;
        }

        /**
         * How often to write a heartbeat through the log, so the slot moves on while the outbox is idle and other
         * tables are written; default 10 s, {@link Duration#ZERO} for none.
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeat = requireNotNegative(interval, "heartbeatInterval");
            return this;
        }

        /** How often a standing-by instance tries to take over; default 5 s. */
        public Builder standbyPollInterval(Duration interval) {
            this.standbyPoll = requireNotNegative(interval, "standbyPollInterval");
            return this;
        }

        /** The backoff after a failed publish or connection: from {@code first} doubling up to {@code max}. */
        public Builder retryDelay(Duration first, Duration max) {
            this.retryFirst = requireNotNegative(first, "first");
            this.retryMax = requireNotNegative(max, "max");
            return this;
        }

        public OutboxRelay build() {
            return new OutboxRelay(this);
        }

        private static Duration requireNotNegative(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + duration);
            }
            return duration;
        }
    }
}
