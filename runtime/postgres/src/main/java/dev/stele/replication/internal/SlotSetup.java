package dev.stele.replication.internal;

import java.util.TreeSet;
import java.util.Set;
import java.util.Locale;
import java.util.EnumSet;
import dev.stele.spi.TableMapping;
import dev.stele.replication.TableMappingCheck;
import dev.stele.annotation.Operation;
import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.SlotUnusableException;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the publication and the slot exist, registers new projections, and refuses to go on when the slot
 * cannot give every projection what follows its checkpoint. Runs before every session and, read-only, when
 * the runner starts.
 */
public final class SlotSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SlotSetup.class);

    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[0-9A-Fa-f-]{1,64}");

    private final Tables t;
    private final ProjectionTables tables;
    private final String slotName;
    private final String publication;
    private final Callable<Connection> replication;
    private final List<TableMapping<?>> mappings;

    /**
     * {@code replication} opens a replication connection, for the boundary of a new projection's catch-up;
     * {@code mappings} are the {@code @FromTable} records the projections handle, whose tables are published too.
     */
    public SlotSetup(Tables t, ProjectionTables tables, String slotName, String publication,
            Callable<Connection> replication, List<TableMapping<?>> mappings) {
        this.mappings = mappings;
        this.t = t;
        this.tables = tables;
        this.slotName = slotName;
        this.publication = publication;
        this.replication = replication;
    }

    /**
     * Checks without changing anything: the slot is usable for the projections registered on it, and each
     * projection's registration matches its options.
     */
    public void check(Connection connection, List<ProjectionRun<?>> runs) throws SQLException {
        TableMappingCheck.verify(connection, mappings);
        Optional<SlotStatus> slot = SlotQueries.status(connection, slotName);
        List<String> registered = tables.onSlot(connection, slotName);
        checkSlot(slot, registered);
        for (ProjectionRun<?> run : runs) {
            Optional<ProjectionTables.Registration> registration = tables.find(connection, run.name());
            if (registration.isPresent()) {
                checkRegistration(run, registration.get());
                if (slot.isPresent()) {
                    Lsn[] checkpoints = tables.checkpoints(connection, run.name(), run.partitions());
                    checkPosition(slot.get(), run.name(), oldest(checkpoints));
                }
            }
        }
    }

    /**
     * Creates what is missing (publication, slot, registrations), loads every projection's checkpoints and
     * catch-up boundary, and checks the slot against them. Returns the registrations, in {@code runs} order.
     */
    public List<ProjectionTables.Registration> prepare(Connection connection, List<ProjectionRun<?>> runs)
            throws SQLException {
        Optional<SlotStatus> slot = SlotQueries.status(connection, slotName);
        List<String> registered = tables.onSlot(connection, slotName);
        checkSlot(slot, registered);
        boolean publicationCreated = ensurePublication(connection, slot.isPresent() && !registered.isEmpty());
        // pgoutput reads the publication as the catalog was at each change it decodes: a slot older than its
        // publication fails on the first change with "publication does not exist"
        boolean slotOlderThanPublication = slot.isPresent() && publicationCreated;
        if (slot.isEmpty() || (registered.isEmpty() && (!slot.get().isUsable() || slotOlderThanPublication))) {
            if (slot.isPresent()) {
                LOG.warn("Replication slot {} is {} and no projection depends on it: dropping and creating it again",
                        slotName, slotOlderThanPublication ? "older than its publication" : "lost");
                execute(connection, "SELECT pg_drop_replication_slot(?)", slotName);
            }
            execute(connection, "SELECT pg_create_logical_replication_slot(?, 'pgoutput')", slotName);
            LOG.info("Created replication slot {} (pgoutput)", slotName);
            slot = SlotQueries.status(connection, slotName);
        }
        SlotStatus status = slot.orElseThrow();
        if (!"pgoutput".equals(status.plugin())) {
            throw new ReplicationException("replication slot '" + slotName + "' uses output plugin " + status.plugin()
                    + ", not pgoutput; give the runner a slot name of its own");
        }
        for (String name : registered) {
            if (runs.stream().noneMatch(run -> run.name().equals(name))) {
                LOG.warn("Projection {} is registered on slot {} but not run: the slot moves on without it, and it"
                        + " must be reset (ProjectionRunner.reset) before it runs again", name, slotName);
            }
        }
        List<ProjectionTables.Registration> registrations = new java.util.ArrayList<>();
        for (ProjectionRun<?> run : runs) {
            Optional<ProjectionTables.Registration> registration = tables.find(connection, run.name());
            if (registration.isEmpty()) {
                register(connection, run, slotName);
                registration = tables.find(connection, run.name());
            }
            ProjectionTables.Registration found = registration.orElseThrow();
            checkRegistration(run, found);
            Lsn[] checkpoints = tables.checkpoints(connection, run.name(), run.partitions());
            checkPosition(status, run.name(), oldest(checkpoints));
            for (int partition = 0; partition < checkpoints.length; partition++) {
                run.durable(partition, checkpoints[partition]);
            }
            registrations.add(found);
        }
        return registrations;
    }

    /**
     * Registers a new projection at an exact boundary: a temporary slot made on a replication connection of
     * its own exports a snapshot that sees exactly the transactions committed before the temporary slot's
     * consistent point (as Debezium's initial snapshot does). The registration is written in a transaction
     * that imported it, so the catch-up reads what it sees, and every partition's checkpoint is that point,
     * from where the slot gives the rest. The runner's slot is at or before it (nothing has confirmed past
     * the log's end), and the checkpoint holds it there.
     */
    private void register(Connection connection, ProjectionRun<?> run, String slot) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try (Connection exporting = replication.call()) {
            ReplicationSlotInfo boundary = exporting.unwrap(PGConnection.class).getReplicationAPI()
                    .createReplicationSlot().logical().withSlotName(boundaryName(slot)).withOutputPlugin("pgoutput")
                    .withTemporaryOption().make();
            String snapshot = boundary.getSnapshotName();
            if (snapshot == null || !SNAPSHOT_NAME.matcher(snapshot).matches()) {
                throw new ReplicationException("the server exported no usable snapshot with temporary slot "
                        + boundaryName(slot) + " (" + snapshot + ")");
            }
            Lsn point = Lsn.parse(boundary.getConsistentPoint().asString());
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'"); // checked: hex digits and dashes
                tables.register(connection, run.name(), slot, run.partitions(), point);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            LOG.info("Registered projection {} on slot {} at {}; it catches up from the events table first", run.name(),
                    slot, point);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot open a replication connection to register projection " + run.name(), e);
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The temporary slot's name: the slot's, shortened to leave room for the suffix within 63 characters. */
    private static String boundaryName(String slot) {
        return (slot.length() > 50 ? slot.substring(0, 50) : slot) + "_boundary";
    }

    private void checkSlot(Optional<SlotStatus> slot, List<String> registered) {
        if (registered.isEmpty()) {
            return;
        }
        if (slot.isEmpty()) {
            throw new SlotUnusableException(slotName, SlotUnusableException.Reason.MISSING, "it does not exist, but"
                    + " projections " + registered + " have checkpoints on it (it was dropped); a new slot would skip"
                    + " every change since");
        }
        if (!slot.get().isUsable()) {
            throw new SlotUnusableException(slotName, SlotUnusableException.Reason.LOST, "its wal_status is 'lost':"
                    + " the server removed log it still needed (max_slot_wal_keep_size), so changes after the"
                    + " checkpoints of " + registered + " are gone from it");
        }
    }

    private void checkPosition(SlotStatus slot, String projection, Lsn checkpoint) {
        if (slot.confirmedFlushLsn().isAfter(checkpoint)) {
            throw new SlotUnusableException(slotName, SlotUnusableException.Reason.PAST_CHECKPOINT, "it was confirmed up"
                    + " to " + slot.confirmedFlushLsn() + ", past the checkpoint " + checkpoint + " of projection "
                    + projection + " (it was replaced, consumed by something else, or the projection was left out of"
                    + " the runner meanwhile), so the changes between are gone from it");
        }
    }

    private void checkRegistration(ProjectionRun<?> run, ProjectionTables.Registration registration) {
        if (!registration.slotName().equals(slotName)) {
            throw new ReplicationException("projection " + run.name() + " runs on slot '" + registration.slotName()
                    + "', not '" + slotName + "': two slots would each apply every event to it. Run it with slot '"
                    + registration.slotName() + "', or reset it (ProjectionRunner.reset, clearing its read model) to"
                    + " rebuild it on '" + slotName + "'");
        }
        if (registration.partitions() != run.partitions()) {
            throw new ReplicationException("projection " + run.name() + " ran with " + registration.partitions()
                    + " partitions and is now configured with " + run.partitions() + "; a stream's events would move"
                    + " to another partition and could be applied out of order. Keep " + registration.partitions()
                    + ", or reset the projection (ProjectionRunner.reset, clearing its read model) to rebuild it with "
                    + run.partitions());
        }
    }

    /**
     * Creates the publication if it is missing; returns whether it did. When projections depend on the slot
     * ({@code slotInUse}) a missing publication was dropped behind Stele's back: the slot cannot be read.
     */
    private boolean ensurePublication(Connection connection, boolean slotInUse) throws SQLException {
        String table = t.events.substring(t.events.indexOf('.') + 1);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = ?), EXISTS (SELECT 1"
                        + " FROM pg_publication_tables WHERE pubname = ? AND schemaname = ? AND tablename = ?)")) {
            statement.setString(1, publication);
            statement.setString(2, publication);
            statement.setString(3, t.schema);
            statement.setString(4, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getBoolean(2)) {
                    publishMappedTables(connection);
                    return false;
                }
                if (rows.getBoolean(1)) {
                    throw new ReplicationException("publication '" + publication + "' exists but does not publish "
                            + t.events + "; add it (ALTER PUBLICATION " + publication + " ADD TABLE " + t.events
                            + ") or name another publication");
                }
                if (slotInUse) {
                    throw new ReplicationException("publication '" + publication + "' does not exist, but projections"
                            + " run on slot '" + slotName + "', which needs it as it was when each change was written;"
                            + " it was dropped. Reset the projections on the slot (ProjectionRunner.reset) and drop the"
                            + " slot, or restore the publication and the slot from a backup");
                }
            }
        }
        StringBuilder published = new StringBuilder(t.events);
        for (String mapped : TableSubscriptions.tables(mappings)) {
            published.append(", ").append(tableName(mapped));
        }
        try (Statement statement = connection.createStatement()) {
            // every name is a validated identifier: nothing here comes unchecked from outside
            statement.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + published
                    + " WITH (publish = '" + publish(TableSubscriptions.operations(mappings)) + "')");
            LOG.info("Created publication {} for {}", publication, published);
            return true;
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) { // duplicate_object: another instance made it meanwhile
                throw e;
            }
            return false;
        }
    }

    /**
     * Adds the tables of {@code @FromTable} records to an existing publication, and the operations they need to what
     * it publishes. Their changes reach projections from here on: what happened to a table before it was published
     * is not in the log's publication.
     */
    private void publishMappedTables(Connection connection) throws SQLException {
        Set<String> missing = new TreeSet<>(TableSubscriptions.tables(mappings));
        boolean insert;
        boolean update;
        boolean delete;
        boolean truncate;
        try (PreparedStatement statement = connection.prepareStatement("SELECT pubinsert, pubupdate, pubdelete,"
                + " pubtruncate, ARRAY(SELECT schemaname || '.' || tablename FROM pg_publication_tables"
                + " WHERE pubname = p.pubname) FROM pg_publication p WHERE pubname = ?")) {
            statement.setString(1, publication);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                insert = rows.getBoolean(1);
                update = rows.getBoolean(2);
                delete = rows.getBoolean(3);
                truncate = rows.getBoolean(4);
                for (Object published : (Object[]) rows.getArray(5).getArray()) {
                    missing.remove((String) published);
                }
            }
        }
        Set<Operation> wanted = TableSubscriptions.operations(mappings);
        try (Statement statement = connection.createStatement()) {
            for (String mapped : missing) {
                statement.execute("ALTER PUBLICATION " + publication + " ADD TABLE " + tableName(mapped));
                LOG.info("Added {} to publication {}: its changes reach projections from now on", mapped, publication);
            }
            if (!insert || wanted.contains(Operation.UPDATE) && !update || wanted.contains(Operation.DELETE) && !delete
                    || wanted.contains(Operation.TRUNCATE) && !truncate) {
                Set<Operation> all = EnumSet.copyOf(wanted);
                if (update) {
                    all.add(Operation.UPDATE);
                }
                if (delete) {
                    all.add(Operation.DELETE);
                }
                if (truncate) {
                    all.add(Operation.TRUNCATE);
                }
                statement.execute("ALTER PUBLICATION " + publication + " SET (publish = '" + publish(all) + "')");
                LOG.info("Publication {} now publishes {}", publication, publish(all));
            }
        }
    }

    /** {@code insert, update}: what a publication's {@code publish} option lists for {@code operations}. */
    private static String publish(Set<Operation> operations) {
        StringBuilder publish = new StringBuilder();
        for (Operation operation : operations) {
            if (operation != Operation.SNAPSHOT) {
                publish.append(publish.isEmpty() ? "" : ", ").append(operation.name().toLowerCase(Locale.ROOT));
            }
        }
        return publish.toString();
    }

    /** A mapped table's name, checked to be {@code schema.table} of plain identifiers before it goes into SQL. */
    private static String tableName(String qualified) {
        int dot = qualified.indexOf('.');
        SlotQueries.checkName("table schema", qualified.substring(0, dot));
        SlotQueries.checkName("table", qualified.substring(dot + 1));
        return qualified;
    }

    private static void execute(Connection connection, String sql, String argument) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            statement.execute();
        }
    }

    private static Lsn oldest(Lsn[] checkpoints) {
        Lsn oldest = checkpoints[0];
        for (Lsn lsn : checkpoints) {
            if (oldest.isAfter(lsn)) {
                oldest = lsn;
            }
        }
        return oldest;
    }
}
