package dev.stele.replication.internal;

import dev.stele.spi.TableMapping;
import dev.stele.replication.TableMappingCheck;
import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.SlotUnusableException;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        boolean publicationCreated = new PublicationSetup(t, publication, slotName, mappings)
                .ensure(connection, slot.isPresent() && !registered.isEmpty());
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
                Optional<ProjectionRun<?>> newer = runs.stream()
                        .filter(run -> name.equals(run.projectionName()) || name.startsWith(run.projectionName() + "@v"))
                        .findFirst();
                if (newer.isPresent()) {
                    LOG.info("Projection {} is registered on slot {} but not run, and {} is: it keeps serving as it is"
                            + " until {} becomes current; retire it then (ProjectionRunner.retire)", name, slotName,
                            newer.get().name(), newer.get().name());
                } else {
                    LOG.warn("Projection {} is registered on slot {} but not run: the slot moves on without it, and it"
                            + " must be reset (ProjectionRunner.reset) before it runs again", name, slotName);
                }
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
                tables.register(connection, run.name(), run.projectionName(), run.version(), slot, run.partitions(),
                        point);
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
