package dev.stele.replication.internal;

import dev.stele.annotation.Operation;
import dev.stele.replication.ReplicationException;
import dev.stele.spi.TableMapping;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's publication: the events table's inserts, and the tables of the {@code @FromTable} records its
 * projections handle with the operations they stand for. Made if missing, completed if it lacks a table or an
 * operation; never dropped or narrowed.
 */
final class PublicationSetup {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationSetup.class);

    private final Tables t;
    private final String publication;
    private final String slotName;
    private final List<TableMapping<?>> mappings;

    PublicationSetup(Tables t, String publication, String slotName, List<TableMapping<?>> mappings) {
        this.t = t;
        this.publication = publication;
        this.slotName = slotName;
        this.mappings = mappings;
    }

    /**
     * Creates the publication if it is missing; returns whether it did. When projections depend on the slot
     * ({@code slotInUse}) a missing publication was dropped behind Stele's back: the slot cannot be read.
     */
    boolean ensure(Connection connection, boolean slotInUse) throws SQLException {
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

}
