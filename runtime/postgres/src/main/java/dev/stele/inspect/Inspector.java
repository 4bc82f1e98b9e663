package dev.stele.inspect;

import dev.stele.catalog.AggregateCatalog;
import dev.stele.catalog.Catalog;
import dev.stele.catalog.CatalogException;
import dev.stele.catalog.ProjectionCatalog;
import dev.stele.inspect.internal.EventPayloads;
import dev.stele.inspect.internal.ReadOnlySession;
import dev.stele.inspect.internal.Replayer;
import dev.stele.inspect.internal.StatusQueries;
import dev.stele.inspect.internal.StreamQueries;
import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.spi.AggregateType;
import dev.stele.spi.ProjectionType;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.StreamId;
import dev.stele.store.internal.Reader;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read-only views of a Stele database: its streams, a stream replayed, its slots and projections and their parked
 * events. It needs no runner or relay and reads only the database, so it works from another process (an admin
 * endpoint, a build goal, a test). Each call reads in one read-only, repeatable-read transaction: what it returns
 * is of one moment. It never changes the schema: a schema that is not migrated raises
 * {@link SchemaNotMigratedException}; a database that cannot be reached, {@link DatabaseUnreachableException}.
 *
 * <pre>{@code
 * Inspector inspector = Inspector.of(dataSource, EventStoreOptions.defaults(), Catalog.load());
 * inspector.streams(StreamFilter.all().inCategory("account"));
 * inspector.replay(StreamId.of("account", "a-1"), 1, 100);   // typed, upcast, with the aggregate's states
 * inspector.status().healthy();
 * }</pre>
 */
public final class Inspector {

    private final Catalog catalog;
    private final Map<String, AggregateType<Object>> aggregates;
    /** The event names each generated projection type handles, by {@code name@version}. */
    private final Map<String, Set<String>> handled;
    private final ReadOnlySession session;
    private final StreamQueries streams;
    private final StatusQueries status;
    private final EventPayloads payloads;
    private final Replayer replayer;

    /**
     * An inspector of the store {@code options} name. A replay folds the states of every {@code @Aggregate} that
     * {@code catalog} knows and the context class loader's generated aggregate catalogs register; the status counts
     * the catch-up of a projection with the events its generated projection type (from the same class loader)
     * handles.
     */
    public static Inspector of(DataSource dataSource, EventStoreOptions options, Catalog catalog) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(catalog, "catalog");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, AggregateType<Object>> aggregates = new HashMap<>();
        for (AggregateCatalog generated : ServiceLoader.load(AggregateCatalog.class,
                loader != null ? loader : Inspector.class.getClassLoader())) {
            for (AggregateType<?> type : generated.aggregateTypes()) {
                try {
                    aggregates.put(type.category(), erase(catalog.aggregateType(type.stateType())));
                } catch (CatalogException notInThisCatalog) {
                    // a catalog built of chosen modules (Catalog.of) does not fold this aggregate
                }
            }
        }
        Map<String, Set<String>> handled = new HashMap<>();
        for (ProjectionCatalog generated : ServiceLoader.load(ProjectionCatalog.class,
                loader != null ? loader : Inspector.class.getClassLoader())) {
            for (ProjectionType<?> type : generated.projectionTypes()) {
                handled.put(type.name() + "@" + type.version(), Set.copyOf(type.handledEvents()));
            }
        }
        Tables tables = new Tables(options.schema(), options.tablePrefix());
        return new Inspector(new ReadOnlySession(dataSource, tables), new StreamQueries(tables),
                new StatusQueries(tables), new EventPayloads(tables), new Replayer(new Reader(tables, catalog), catalog),
                catalog, aggregates, handled);
    }

    /** This inspector, also folding the states of {@code type}'s streams in replays. */
    public Inspector withAggregate(AggregateType<?> type) {
        Map<String, AggregateType<Object>> more = new HashMap<>(aggregates);
        more.put(type.category(), erase(type));
        return new Inspector(session, streams, status, payloads, replayer, catalog, more, handled);
    }

    private Inspector(ReadOnlySession session, StreamQueries streams, StatusQueries status, EventPayloads payloads,
            Replayer replayer, Catalog catalog, Map<String, AggregateType<Object>> aggregates,
            Map<String, Set<String>> handled) {
        this.catalog = catalog;
        this.handled = Map.copyOf(handled);
        this.aggregates = Map.copyOf(aggregates);
        this.session = session;
        this.streams = streams;
        this.status = status;
        this.payloads = payloads;
        this.replayer = replayer;
    }

    @SuppressWarnings("unchecked")
    private static AggregateType<Object> erase(AggregateType<?> type) {
        return (AggregateType<Object>) type;
    }

    /** Every stream category with its number of streams and events, by category. */
    public List<CategorySummary> categories() {
        return session.read("read the stream categories", (connection, migration) -> streams.categories(connection));
    }

    /** The streams {@code filter} selects, with their events counted, by category and id. */
    public List<StreamSummary> streams(StreamFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return session.read("read the streams", (connection, migration) -> streams.streams(connection, filter));
    }

    /**
     * Up to {@code limit} events of {@code stream} from {@code fromVersion} (1 for the first), decoded and upcast to
     * the latest version of their names; with the aggregate's state after each when the stream's category is an
     * {@code @Aggregate}'s (folded from its {@code @Initial} state over every event before, snapshots ignored).
     *
     * @throws UnknownStreamException if the stream has no event
     * @throws dev.stele.store.StoredEventException if an event cannot be decoded or upcast
     */
    public Replay replay(StreamId stream, long fromVersion, int limit) {
        Objects.requireNonNull(stream, "stream");
        if (limit < 1) {
            throw new IllegalArgumentException("a replay's limit must be at least 1, got " + limit);
        }
        return session.read("replay " + stream, (connection, migration) -> {
            long version = streamVersion(connection, stream);
            if (version == 0) {
                throw new UnknownStreamException(stream, streams.nearMatches(connection, stream));
            }
            return replayer.replay(connection, stream, version, fromVersion, limit, aggregates.get(stream.category()));
        });
    }

    private long streamVersion(Connection connection, StreamId stream) throws SQLException {
        List<StreamSummary> found = streams.streams(connection, StreamFilter.all().inCategory(stream.category())
                .withId(stream.id()).limit(1));
        return found.isEmpty() ? 0 : found.get(0).version();
    }

    /**
     * Every slot Stele registered (projection runners' and relays') as PostgreSQL reports it, and every registered
     * projection (each version of each {@code @Projection}) as the database records it, with whether it is the
     * current version. A projection still catching up from the events table has its progress counted in the
     * database: the events its catch-up snapshot sees, of the names its generated projection type handles when
     * the context class loader's projection catalogs have it (else of every name), at or before its catch-up
     * position. That is one scan of the events table per projection catching up; none while all follow their slots.
     */
    public InspectionStatus status() {
        return session.read("read the status", (connection, migration) -> {
            Lsn current = status.currentLsn(connection);
            List<StatusQueries.Projection> projections = status.projections(connection,
                    migration >= ReadOnlySession.VERSIONS_MIGRATION);
            boolean stopsRecorded = migration >= ReadOnlySession.STOPS_MIGRATION;
            Map<String, FailedEvent> stops = stopsRecorded ? status.stops(connection) : Map.of();
            Map<String, List<String>> bySlot = new java.util.TreeMap<>();
            for (StatusQueries.Projection p : projections) {
                bySlot.computeIfAbsent(p.slotName(), s -> new ArrayList<>()).add(p.name());
            }
            List<SlotReport> slots = new ArrayList<>();
            for (Map.Entry<String, List<String>> slot : bySlot.entrySet()) {
                slots.add(new SlotReport(slot.getKey(), SlotReport.Kind.PROJECTIONS, slot.getValue(),
                        SlotQueries.status(connection, slot.getKey())));
            }
            for (StatusQueries.Relay relay : status.relays(connection)) {
                slots.add(new SlotReport(relay.slotName(), SlotReport.Kind.RELAY, List.of(relay.publication()),
                        SlotQueries.status(connection, relay.slotName())));
            }
            List<ProjectionReport> reports = new ArrayList<>();
            for (StatusQueries.Projection p : projections) {
                reports.add(report(connection, p, current, Optional.ofNullable(stops.get(p.name()))));
            }
            return new InspectionStatus(Instant.now(), current, slots, reports, stopsRecorded);
        });
    }

    private ProjectionReport report(Connection connection, StatusQueries.Projection p, Lsn current,
            Optional<FailedEvent> stop) throws SQLException {
        boolean isCurrent = p.currentVersion().isPresent() && p.currentVersion().getAsInt() == p.version();
        ProjectionReport.Phase phase;
        if (stop.isPresent()) {
            phase = ProjectionReport.Phase.STOPPED;
        } else if (p.currentVersion().isPresent() && p.version() < p.currentVersion().getAsInt()) {
            phase = ProjectionReport.Phase.SUPERSEDED;
        } else if (p.currentVersion().isPresent() && p.version() > p.currentVersion().getAsInt()) {
            phase = ProjectionReport.Phase.REBUILDING;
        } else {
            phase = p.caughtUp() ? ProjectionReport.Phase.FOLLOWING_SLOT : ProjectionReport.Phase.CATCHING_UP;
        }
        Optional<ProjectionReport.CatchUp> catchUp = Optional.empty();
        if (!p.caughtUp()) {
            Set<String> names = handled.get(p.projectionName() + "@" + p.version());
            long[] counted = status.catchUpCount(connection, p, names);
            catchUp = Optional.of(new ProjectionReport.CatchUp(counted[0], counted[1], names != null));
        }
        return new ProjectionReport(p.name(), p.projectionName(), p.version(), isCurrent,
                isCurrent ? p.switchedAt() : Optional.empty(), p.slotName(), p.partitions(), phase, p.checkpoint(),
                current.bytesSince(p.checkpoint()), p.catchUpPosition(), catchUp, stop, p.parked());
    }

    /** The projection's parked events, oldest position first; empty for an unknown projection. */
    public List<FailedEvent> parked(String projection) {
        Objects.requireNonNull(projection, "projection");
        return session.read("list the parked events of " + projection,
                (connection, migration) -> status.parked(connection, projection, null));
    }

    /**
     * One parked event with its stored payload, decoded and upcast when the catalog can; empty if it is not parked.
     * Applying parked events again needs the projection's handler: that is {@code ProjectionRunner.replayParked}.
     */
    public Optional<ParkedEventDetail> parkedEvent(String projection, UUID eventId) {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(eventId, "eventId");
        return session.read("show parked event " + eventId + " of " + projection, (connection, migration) -> {
            List<FailedEvent> found = status.parked(connection, projection, eventId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            FailedEvent parked = found.get(0);
            Optional<String> payload = payloads.payload(connection, eventId);
            Optional<Object> event = Optional.empty();
            Optional<String> error = Optional.empty();
            if (payload.isPresent()) {
                try {
                    event = Optional.of(catalog.fromJson(parked.eventName(), parked.eventVersion(), payload.get()));
                } catch (RuntimeException e) {
                    error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            return Optional.of(new ParkedEventDetail(parked, payload, event, error));
        });
    }
}
