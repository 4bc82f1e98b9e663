package dev.stele.it.cdc.slot;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A copy of {@code it_customers} kept from its changes through the slot: after every change is applied once, it
 * equals the table. A change applied twice or skipped makes them differ (an insert twice fails on the key).
 */
@Projection(name = "it-customer-directory")
public final class CustomerDirectory {

    private final String table;

    public CustomerDirectory(String schema) {
        this.table = schema + ".customer_directory";
    }

    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id bigint PRIMARY KEY, email text NOT NULL,"
                    + " nickname text, credit numeric(12,2) NOT NULL, tags text NOT NULL, registered_at timestamptz"
                    + " NOT NULL, source text NOT NULL)");
        }
    }

    @Handle
    public void on(CustomerRegistered event, EventContext context) throws SQLException {
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + table
                + " (id, email, nickname, credit, tags, registered_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.id());
            insert.setString(2, event.email());
            insert.setString(3, event.nickname().orElse(null));
            insert.setBigDecimal(4, event.credit());
            insert.setString(5, String.join("|", event.tags()));
            insert.setObject(6, java.time.OffsetDateTime.ofInstant(event.registeredAt(), java.time.ZoneOffset.UTC));
            insert.setString(7, context.streamCategory() + "/" + context.streamId());
            insert.executeUpdate();
        }
    }

    @Handle
    public void on(CustomerEmailChanged event, EventContext context) throws SQLException {
        try (PreparedStatement update = context.connection().prepareStatement("UPDATE " + table
                + " SET email = ? WHERE id = ?")) {
            update.setString(1, event.email());
            update.setLong(2, event.id());
            if (update.executeUpdate() != 1) {
                throw new SQLException("no customer " + event.id() + " to change");
            }
        }
    }

    @Handle
    public void on(CustomerRemoved event, EventContext context) throws SQLException {
        try (PreparedStatement delete = context.connection().prepareStatement("DELETE FROM " + table
                + " WHERE id = ?")) {
            delete.setLong(1, event.id());
            if (delete.executeUpdate() != 1) {
                throw new SQLException("no customer " + event.id() + " to remove");
            }
        }
    }

    @Handle
    public void on(CustomersTruncated event, EventContext context) throws SQLException {
        try (Statement delete = context.connection().createStatement()) {
            delete.execute("DELETE FROM " + table);
        }
    }
}
