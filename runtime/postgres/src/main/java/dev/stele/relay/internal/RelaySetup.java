package dev.stele.relay.internal;

import dev.stele.relay.RelaySlotException;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the relay's publication (inserts into the outbox table) and slot exist, and registers the slot in
 * {@code stele_relays}, so that a slot that disappears later is noticed rather than silently made anew.
 */
public final class RelaySetup {

    private static final Logger LOG = LoggerFactory.getLogger(RelaySetup.class);

    private final Tables t;
    private final String slotName;
    private final String publication;

    public RelaySetup(Tables t, String slotName, String publication) {
        this.t = t;
        this.slotName = slotName;
        this.publication = publication;
    }

    /** Creates what is missing; throws if the slot was registered and is gone or lost. */
    public void prepare(Connection connection) throws SQLException {
        if (!publicationExists(connection)) {
            try (Statement statement = connection.createStatement()) {
                // inserts only: the store deletes its outbox rows in the same transaction
                statement.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + t.outbox
                        + " WITH (publish = 'insert')");
            }
            LOG.info("Created publication {} of {} (inserts)", publication, t.outbox);
        }
        Optional<SlotStatus> slot = SlotQueries.status(connection, slotName);
        boolean registered = registered(connection);
        check(slot, registered);
        if (slot.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
                statement.setString(1, slotName);
                statement.execute();
            }
            LOG.info("Created replication slot {} (pgoutput) for the outbox relay", slotName);
        } else if (!"pgoutput".equals(slot.get().plugin())) {
            throw new ReplicationException("replication slot '" + slotName + "' uses output plugin "
                    + slot.get().plugin() + ", not pgoutput; give the relay a slot name of its own");
        }
        if (!registered) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + t.relays
                    + " (slot_name, publication) VALUES (?, ?) ON CONFLICT (slot_name) DO NOTHING")) {
                statement.setString(1, slotName);
                statement.setString(2, publication);
                statement.execute();
            }
        }
    }

    /** Checks without changing anything. */
    public void check(Connection connection) throws SQLException {
        check(SlotQueries.status(connection, slotName), registered(connection));
    }

    /** Drops the slot if it exists and its registration, so the next start makes a new one. */
    public void forget(Connection connection) throws SQLException {
        if (SlotQueries.status(connection, slotName).isPresent()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                statement.setString(1, slotName);
                statement.execute();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + t.relays
                + " WHERE slot_name = ?")) {
            statement.setString(1, slotName);
            statement.execute();
        }
    }

    private void check(Optional<SlotStatus> slot, boolean registered) {
        if (registered && slot.isEmpty()) {
            throw new RelaySlotException(slotName, "it was made for the relay and does not exist any more (it was"
                    + " dropped)");
        }
        if (slot.isPresent() && !slot.get().isUsable()) {
            throw new RelaySlotException(slotName, "its wal_status is 'lost': the server removed log it still needed"
                    + " (max_slot_wal_keep_size)");
        }
    }

    private boolean registered(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + t.relays
                + " WHERE slot_name = ?")) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean publicationExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            statement.setString(1, publication);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
