package dev.stele.replication;

import dev.stele.catalog.Catalog;
import dev.stele.projection.Lsn;
import dev.stele.replication.internal.Backoff;
import dev.stele.replication.internal.ParkedReplay;
import dev.stele.replication.internal.ProjectionRun;
import dev.stele.replication.internal.ProjectionTables;
import dev.stele.replication.internal.ReadModels;
import dev.stele.replication.internal.RunnerState;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.replication.internal.SlotSession;
import dev.stele.replication.internal.SlotSetup;
import dev.stele.replication.internal.TableSubscriptions;
import dev.stele.replication.internal.Supervisor;
import dev.stele.spi.ProjectionType;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreException;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.internal.Migrations;
import dev.stele.store.internal.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs projections from a logical replication slot, exactly once in effect, never skipping an event.
 *
 * <pre>{@code
 * ProjectionRunner runner = ProjectionRunner.builder(store, ReplicationConnection.of(url, user, password))
 *         .slot("app_projections")
 *         .projection(new OrderTotals())
 *         .build();
 * runner.start();
 * ...
 * runner.status();      // per projection: state, checkpoint, lag in bytes, time and events
 * runner.close();
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Exactly-once effect.</b> For each source transaction, in commit order, a projection's handler
 *       writes (through {@code EventContext.connection()}) commit in one transaction with the projection's
 *       checkpoint. After a crash anywhere, a restart applies what follows the checkpoints: the read model
 *       equals a clean rebuild. Effects outside the database happen at least once: de-duplicate them by
 *       {@code EventContext.eventId()}.</li>
 *   <li><b>Nothing skipped.</b> The slot is confirmed only up to the oldest durable checkpoint of all its
 *       projections (pgjdbc's automatic flush is off). A lost, missing or moved slot stops the runner with
 *       {@link SlotUnusableException}; it is never recreated silently.</li>
 *   <li><b>Order.</b> Events of one stream reach a projection in order, in the partition of that stream.</li>
 *   <li><b>Catch-up and handover.</b> A new or reset projection first reads the events table (only the
 *       events it handles), in a snapshot exported at a boundary (a temporary slot's consistent point), then
 *       joins the slot from that boundary: what the snapshot sees is exactly what committed before it.</li>
 *   <li><b>Poison events</b> are retried, then stop the projection or are parked, by its
 *       {@link PoisonPolicy}; never skipped silently.</li>
 *   <li><b>One consumer.</b> Instances started with the same slot elect one through an advisory lock; the
 *       others stand by and take over within about {@link Builder#standbyPollInterval} of its end.</li>
 * </ul>
 *
 * <p>It owns its threads ({@code stele-runner-<slot>}, one per partition), opens its own replication
 * connection, and borrows from {@code dataSource} one connection per partition while running, plus one
 * now and then. Handlers of different partitions run at once: keep projection instances free of mutable
 * state. Needs PostgreSQL 14 or later with {@code wal_level=logical}.
 */
public final class ProjectionRunner implements AutoCloseable {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

    private final DataSource dataSource;
    private final ReplicationConnection replication;
    private final Catalog catalog;
    private final Tables t;
    private final EventStoreOptions storeOptions;
    private final ProjectionTables tables;
    private final SlotSession.Settings settings;
    private final List<ProjectionRun<?>> runs;
    private final RunnerState state;
    private final Supervisor supervisor;
    private final Object lock = new Object();
    private boolean closed;
    private Thread thread;

    private ProjectionRunner(Builder builder) {
        this.dataSource = builder.dataSource;
        this.replication = builder.replication;
        this.catalog = builder.catalog != null ? builder.catalog : Catalog.load();
        this.storeOptions = builder.storeOptions;
        this.t = new Tables(storeOptions.schema(), storeOptions.tablePrefix());
        this.tables = new ProjectionTables(t);
        this.settings = new SlotSession.Settings(builder.slot, builder.publication != null ? builder.publication
                : builder.slot, builder.heartbeat, Duration.ofMillis(500), builder.spoolDirectory);
        List<ProjectionRun<?>> list = new ArrayList<>();
        for (Registration<?> registration : builder.projections) {
            list.add(registration.run(catalog));
        }
        this.runs = List.copyOf(list);
        this.state = new RunnerState(builder.listener);
        this.supervisor = new Supervisor(new Supervisor.Parts(dataSource, replication::open, catalog, t, tables,
                settings, runs, builder.listener, builder.standbyPoll,
                new Backoff(builder.reconnectFirst, builder.reconnectMax),
                name -> builder.switches.getOrDefault(name, ReadModelSwitch.NONE)), state);
    }

    /**
     * A runner for the projections of {@code store}'s events: its data source, catalog and tables, the slot read
     * on {@code replication}.
     */
    public static Builder builder(EventStore store, ReplicationConnection replication) {
        return new Builder(store.dataSource(), replication).catalog(store.catalog()).storeOptions(store.options());
    }

    /**
     * A runner reading the slot on {@code replication}, applying through connections of {@code dataSource}, for
     * the store with the default tables and {@link Catalog#load()} unless the builder says otherwise.
     */
    public static Builder builder(DataSource dataSource, ReplicationConnection replication) {
        return new Builder(dataSource, replication);
    }

    /**
     * Checks the slot and the projections' registrations, then starts reading in the background (or standing
     * by, if another instance reads the slot). Applies the store's migrations if they are missing. Returns once the
     * slot and its publication exist (so every change committed after it returns reaches the projections), the
     * runner stands by, fails or retries, or after 60 s (creating a slot waits for the transactions open then).
     *
     * @throws SlotUnusableException if the slot is lost, missing or moved past a projection's checkpoint
     * @throws ReplicationException if a projection's partitions changed, or it runs on another slot
     * @throws IllegalStateException if it was started before
     */
    public void start() {
        synchronized (lock) {
            if (state.state() != RunnerStatus.State.NEW) {
                throw new IllegalStateException("the runner of slot " + settings.slotName() + " was started before"
                        + (closed ? " and closed; build a new one" : ""));
            }
            new Migrations(t).apply(dataSource);
            try (Connection connection = dataSource.getConnection()) {
                new SlotSetup(t, tables, settings.slotName(), settings.publication(), replication::open,
                        TableSubscriptions.mappings(catalog, runs)).check(connection, runs);
            } catch (SQLException e) {
                throw new EventStoreException("check replication slot " + settings.slotName(), t.schema, e);
            }
            runs.forEach(ProjectionRun::restart);
            state.set(RunnerStatus.State.STANDBY, null);
            thread = new Thread(supervisor, "stele-runner-" + settings.slotName());
            thread.setDaemon(true);
            thread.start();
        }
        try {
            if (!state.awaitSettled(SETTLE_TIMEOUT)) {
                LOG.warn("The runner of slot {} has not made its slot and publication within {} s (creating a slot"
                        + " waits for the transactions open at the time); start() returns, the runner goes on",
                        settings.slotName(), SETTLE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading and waits (up to 30 s) for handlers to finish; uncommitted work comes again next start. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            supervisor.close();
            if (thread != null) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                boolean interrupted = false;
                try {
                    // the session ends by itself within moments; a supervisor asleep (standby, backoff) is woken
                    thread.join(200);
                    thread.interrupt();
                    while (thread.isAlive() && System.nanoTime() < deadline) {
                        try {
                            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (thread.isAlive()) {
                    LOG.warn("The runner of slot {} did not stop within 30 s: a handler may be stuck", settings.slotName());
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            state.set(RunnerStatus.State.CLOSED, null);
        }
    }

    /** The runner's state, its slot as PostgreSQL reports it, and every projection's progress and lag. */
    public RunnerStatus status() {
        Optional<SlotStatus> slot = Optional.empty();
        try (Connection connection = dataSource.getConnection()) {
            slot = SlotQueries.status(connection, settings.slotName());
        } catch (SQLException e) {
            LOG.debug("Slot status of {} unavailable: {}", settings.slotName(), e.getMessage());
        }
        Lsn current = slot.map(SlotStatus::currentLsn).orElse(Lsn.NONE);
        SlotSession live = state.session();
        RunnerStatus.State runner = state.state();
        Instant newest = live == null ? null : live.newestCommitTime();
        List<ProjectionStatus> projections = new ArrayList<>();
        for (ProjectionRun<?> run : runs) {
            projections.add(run.status(runner, current, newest));
        }
        return new RunnerStatus(settings.slotName(), runner, slot, List.copyOf(projections),
                Optional.ofNullable(state.problem()));
    }

    /** The events parked for a projection, oldest position first. */
    public List<FailedEvent> parkedEvents(String projection) {
        try (Connection connection = dataSource.getConnection()) {
            return tables.parked(connection, projection);
        } catch (SQLException e) {
            throw new EventStoreException("list the parked events of projection " + projection, t.schema, e);
        }
    }

    /**
     * Applies a projection's parked events again, oldest first, each in its own transaction that also
     * removes it from the parked events; one that fails again stays parked with its new error. Returns how
     * many were applied. Run it after fixing the handler; it may run while the runner is running. A parked change
     * of a {@code @FromTable} table (global position 0) is not in the events table, so it cannot be read again:
     * it stays parked, for inspection, until the projection is reset.
     */
    public int replayParked(String projection) {
        try {
            return new ParkedReplay(dataSource, t, tables, catalog).replay(run(projection));
        } catch (SQLException e) {
            throw new EventStoreException("replay the parked events of projection " + projection, t.schema, e);
        }
    }

    /**
     * Forgets a projection's checkpoints and parked events and clears its read model in one transaction, so
     * that its next start catches up from the first event: after a bug fix that needs a rebuild, a change of
     * partitions, or a lost slot. Any registered projection, in this runner or not (one renamed or removed
     * keeps its registration, and with it the slot, until it is reset). Only while the runner is not running.
     */
    public void reset(String projection, ReadModelReset clear) {
        synchronized (lock) {
            if (isActive()) {
                throw new IllegalStateException("reset projection " + projection + " while the runner is "
                        + state.state() + "; close it first");
            }
            forget("reset projection " + projection, projection, connection -> {
                if (tables.find(connection, projection).isEmpty()) {
                    throw new IllegalArgumentException("projection " + projection + " is not registered in "
                            + t.projections + ": nothing to reset");
                }
            }, clear);
        }
        LOG.info("Reset projection {}: it catches up from the events table at its next start", projection);
    }

    /** A check in the transaction that forgets a registration: it throws to refuse. */
    @FunctionalInterface
    private interface Check {
        void check(Connection connection) throws SQLException;
    }

    /** Whether the runner is started and not failed or closed. */
    private boolean isActive() {
        RunnerStatus.State now = state.state();
        return now != RunnerStatus.State.NEW && now != RunnerStatus.State.CLOSED && now != RunnerStatus.State.FAILED;
    }

    /**
     * In one transaction: checks with {@code check} (which throws to refuse), clears the read model with
     * {@code clear}, and forgets {@code registration}'s checkpoints and parked events.
     */
    private void forget(String operation, String registration, Check check, ReadModelReset clear) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                check.check(connection);
                clear.clear(connection);
                tables.delete(connection, registration);
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreException(operation, t.schema, e);
        }
    }

    /**
     * The version of projection {@code name} whose read model is current: the newest that caught up and drew level
     * with the one before it. Empty before any version of it caught up.
     */
    public OptionalInt currentVersion(String name) {
        try (Connection connection = dataSource.getConnection()) {
            return new ReadModels(t).current(connection, name);
        } catch (SQLException e) {
            throw new EventStoreException("read the current version of projection " + name, t.schema, e);
        }
    }

    /**
     * Forgets version {@code version} of projection {@code name}, which a newer version replaced: its registration,
     * checkpoints and parked events, and drops its read model through {@code drop}, in one transaction. Only when asked:
     * nothing is dropped otherwise.
     *
     * @throws IllegalStateException if that version is current, or this runner runs it and is not closed
     * @throws IllegalArgumentException if that version is not registered
     */
    public void retire(String name, int version, ReadModelReset drop) {
        String registration = ProjectionRun.key(name, version);
        synchronized (lock) {
            if (isActive() && runs.stream().anyMatch(run -> run.name().equals(registration))) {
                throw new IllegalStateException("retire " + registration + " while the runner runs it ("
                        + state.state() + "); leave it out of the runner or close it first");
            }
            forget("retire version " + version + " of projection " + name, registration, connection -> {
                OptionalInt current = new ReadModels(t).current(connection, name);
                if (current.isPresent() && current.getAsInt() == version) {
                    throw new IllegalStateException("version " + version + " of projection " + name + " is current:"
                            + " only a version that a newer one replaced can be retired");
                }
                if (tables.find(connection, registration).isEmpty()) {
                    throw new IllegalArgumentException("version " + version + " of projection " + name + " ("
                            + registration + ") is not registered in " + t.projections + ": nothing to retire");
                }
            }, drop);
        }
        LOG.info("Retired version {} of projection {}", version, name);
    }

    private ProjectionRun<?> run(String projection) {
        return runs.stream().filter(run -> run.name().equals(projection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the runner has no projection " + projection));
    }

    /** A projection with its options, resolved to its generated type when the runner is built. */
    private record Registration<P>(ProjectionType<P> type, P instance, Class<P> projectionClass,
            ProjectionOptions options) {

        ProjectionRun<P> run(Catalog catalog) {
            ProjectionType<P> resolved = type != null ? type : catalog.projectionType(projectionClass);
            return new ProjectionRun<>(resolved, instance, options);
        }
    }

    /** Builds a {@link ProjectionRunner}. */
    public static final class Builder {

        private final DataSource dataSource;
        private final ReplicationConnection replication;
        private final List<Registration<?>> projections = new ArrayList<>();
        private String slot = "stele_projections";
        private String publication;
        private Catalog catalog;
        private EventStoreOptions storeOptions = EventStoreOptions.defaults();
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration standbyPoll = Duration.ofSeconds(1);
        private Duration reconnectFirst = Duration.ofMillis(200);
        private Duration reconnectMax = Duration.ofSeconds(30);
        private ProjectionListener listener = ProjectionListener.NONE;
        private final Map<String, ReadModelSwitch> switches = new HashMap<>();
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder(DataSource dataSource, ReplicationConnection replication) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.replication = Objects.requireNonNull(replication, "replication");
        }

        /** The slot's name (default {@code stele_projections}): lower-case letters, digits, underscores. */
        public Builder slot(String name) {
            this.slot = SlotQueries.checkName("slot", name);
            return this;
        }

        /** The publication's name; by default the slot's. */
        public Builder publication(String name) {
            this.publication = SlotQueries.checkName("publication", name);
            return this;
        }

        /** The catalog events are decoded with; by default {@link Catalog#load()}. */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Where the store's tables are; by default {@link EventStoreOptions#defaults()}. */
        public Builder storeOptions(EventStoreOptions options) {
            this.storeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** A {@code @Projection} instance, with {@link ProjectionOptions#defaults()}. */
        public Builder projection(Object projection) {
            return projection(projection, ProjectionOptions.defaults());
        }

        /** A {@code @Projection} instance; its generated type is found in the catalog. */
        @SuppressWarnings("unchecked")
        public <P> Builder projection(P projection, ProjectionOptions options) {
            Objects.requireNonNull(projection, "projection");
            add(new Registration<>(null, projection, (Class<P>) projection.getClass(), options));
            return this;
        }

        /** A projection with an explicit type (generated code, or written by hand for a test). */
        public <P> Builder projection(ProjectionType<P> type, P projection, ProjectionOptions options) {
            add(new Registration<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(projection, "projection"),
                    type.projectionClass(), Objects.requireNonNull(options, "options")));
            return this;
        }

        private void add(Registration<?> registration) {
            projections.add(registration);
        }

        /**
         * How often a heartbeat message is written to the log (default 10 s; zero turns it off), so the slot
         * moves on while only tables it does not publish are written and the server can recycle the log.
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeat = notNegative("heartbeatInterval", interval);
            return this;
        }

        private static Duration notNegative(String what, Duration duration) {
            if (Objects.requireNonNull(duration, what).isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, not " + duration);
            }
            return duration;
        }

        private static Duration positive(String what, Duration duration) {
            if (notNegative(what, duration).isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return duration;
        }

        /** How often a standby instance tries to take over (default 1 s). */
        public Builder standbyPollInterval(Duration interval) {
            this.standbyPoll = positive("standbyPollInterval", interval);
            return this;
        }

        /** The backoff between reconnection attempts: from {@code first} doubling to {@code max}, with jitter. */
        public Builder reconnectBackoff(Duration first, Duration max) {
            this.reconnectFirst = positive("reconnectBackoff first", first);
            this.reconnectMax = positive("reconnectBackoff max", max);
            return this;
        }

        /**
         * What happens, besides recording it, in the transaction that makes a version of projection {@code name}
         * current (by default nothing: readers ask {@link ProjectionRunner#currentVersion}); for instance
         * {@link ReadModelSwitch#views}.
         */
        public Builder readModelSwitch(String name, ReadModelSwitch readModelSwitch) {
            switches.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(readModelSwitch, "readModelSwitch"));
            return this;
        }

        public Builder listener(ProjectionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where transactions the server streams before they commit are kept until then (the temp directory). */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @throws IllegalArgumentException if there is no projection or two have one name
         * @throws dev.stele.catalog.CatalogException if a projection's class has no generated type
         */
        public ProjectionRunner build() {
            if (projections.isEmpty()) {
                throw new IllegalArgumentException("a runner needs at least one projection");
            }
            ProjectionRunner runner = new ProjectionRunner(this);
            Set<String> names = new HashSet<>();
            for (ProjectionRun<?> run : runner.runs) {
                if (!names.add(run.name())) {
                    throw new IllegalArgumentException("two projections are named " + run.name());
                }
            }
            return runner;
        }
    }
}
