package dev.stele.demo.customers;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The addresses to mail, kept from the CRM table's changes: written once per change, with the checkpoint. */
@Projection(name = "mailing-list")
public final class MailingList {

    private final String table;

    public MailingList(String schema) {
        this.table = schema + ".mailing_list";
    }

    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (customer_id bigint PRIMARY KEY, email text NOT NULL, source text NOT NULL)");
        }
    }

    @Handle
    void on(CustomerRegistered event, EventContext context) throws SQLException {
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + table
                + " (customer_id, email, source) VALUES (?, ?, ?)")) {
            insert.setLong(1, event.customerId());
            insert.setString(2, event.email());
            insert.setString(3, context.streamCategory() + " at " + context.commitLsn());
            insert.executeUpdate();
        }
    }

    @Handle
    void on(CustomerEmailChanged event, EventContext context) throws SQLException {
        try (PreparedStatement update = context.connection().prepareStatement("UPDATE " + table
                + " SET email = ?, source = ? WHERE customer_id = ?")) {
            update.setString(1, event.email());
            update.setString(2, context.streamCategory() + " at " + context.commitLsn());
            update.setLong(3, event.customerId());
            update.executeUpdate();
        }
    }

    @Handle
    void on(CustomerRemoved event, EventContext context) throws SQLException {
        try (PreparedStatement delete = context.connection().prepareStatement("DELETE FROM " + table
                + " WHERE customer_id = ?")) {
            delete.setLong(1, event.customerId());
            delete.executeUpdate();
        }
    }
}
