package dev.stele.it.cdc.crash;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A copy of {@code it_crash_accounts} kept from its changes through the slot, which refuses a change that is not
 * the next of its row: an insert of a row it has, an update whose version is not the copy's plus one, a delete of
 * a row it has not. So a change applied twice, skipped or reordered stops the projection. Every change applied
 * is also logged by its event id (a key: the same change twice cannot be logged), so the changes applied can be
 * counted against the changes made.
 */
@Projection(name = "it-crash-account-copies")
public final class CrashAccountCopies {

    private final String copies;
    private final String applied;

    public CrashAccountCopies(String schema) {
        this.copies = schema + ".crash_account_copies";
        this.applied = schema + ".crash_changes_applied";
    }

    public void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + copies + " (id bigint PRIMARY KEY,"
                    + " balance bigint NOT NULL, version bigint NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + applied + " (event_id uuid PRIMARY KEY,"
                    + " row_id text NOT NULL, commit_lsn text NOT NULL)");
        }
    }

    @Handle
    public void on(CrashAccountOpened event, EventContext context) throws SQLException {
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + copies
                + " (id, balance, version) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setLong(1, event.id());
            insert.setLong(2, event.balance());
            insert.setLong(3, event.version());
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("account " + event.id() + " opened again: a repeated insert");
            }
        }
        log(context);
    }

    @Handle
    public void on(CrashAccountChanged event, EventContext context) throws SQLException {
        try (PreparedStatement update = context.connection().prepareStatement("UPDATE " + copies
                + " SET balance = ?, version = ? WHERE id = ? AND version = ?")) {
            update.setLong(1, event.balance());
            update.setLong(2, event.version());
            update.setLong(3, event.id());
            update.setLong(4, event.version() - 1);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("account " + event.id() + " v" + event.version()
                        + " is not the next of its row: repeated, skipped or out of order");
            }
        }
        log(context);
    }

    @Handle
    public void on(CrashAccountClosed event, EventContext context) throws SQLException {
        try (PreparedStatement delete = context.connection().prepareStatement("DELETE FROM " + copies
                + " WHERE id = ?")) {
            delete.setLong(1, event.id());
            if (delete.executeUpdate() != 1) {
                throw new IllegalStateException("account " + event.id() + " closed but not there: a repeated delete"
                        + " or a skipped insert");
            }
        }
        log(context);
    }

    private void log(EventContext context) throws SQLException {
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + applied
                + " (event_id, row_id, commit_lsn) VALUES (?, ?, ?)")) {
            insert.setObject(1, context.eventId());
            insert.setString(2, context.streamId());
            insert.setString(3, context.commitLsn().toString());
            insert.executeUpdate();
        }
    }
}
