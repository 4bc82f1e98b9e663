package dev.stele.demo.orders;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo's read model: per order, its total, what was paid and its state. Written through the
 * transaction the runner commits with its checkpoint, so each event counts once, crash or not.
 */
@Projection(name = "order-totals")
public final class OrderTotals {

    private final String table;

    public OrderTotals(String schema) {
        this.table = schema + ".order_totals";
    }

    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (order_id text PRIMARY KEY,"
                    + " total_minor bigint NOT NULL, paid_minor bigint NOT NULL DEFAULT 0, currency text NOT NULL,"
                    + " shipped boolean NOT NULL DEFAULT false)");
        }
    }

    @Handle
    void on(OrderPlaced event, EventContext context) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO " + table
                + " (order_id, total_minor, currency) VALUES (?, ?, ?)")) {
            statement.setString(1, event.orderId().value());
            statement.setLong(2, event.totalMinor());
            statement.setString(3, event.currency());
            statement.executeUpdate();
        }
    }

    @Handle
    void on(OrderPaid event, EventContext context) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("UPDATE " + table
                + " SET paid_minor = paid_minor + ? WHERE order_id = ?")) {
            statement.setLong(1, event.amountMinor());
            statement.setString(2, event.orderId().value());
            statement.executeUpdate();
        }
    }

    @Handle
    void on(OrderShipped event, EventContext context) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("UPDATE " + table
                + " SET shipped = true WHERE order_id = ?")) {
            statement.setString(1, event.orderId().value());
            statement.executeUpdate();
        }
    }
}
