package dev.stele.bench;

import dev.stele.demo.orders.OrderPaid;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderShipped;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A projection that writes one upsert per event: a row per order with its event count, last version and
 * last event name. The upsert only applies the next version of the stream, so a repeated, skipped or
 * reordered event fails the handler (and stops the projection, failing the benchmark).
 */
public final class OrderSummaries {

    private final String table;
    private final Progress handled;

    OrderSummaries(String schema, Progress handled) {
        this.table = schema + ".order_summaries";
        this.handled = handled;
    }

    void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (order_id text PRIMARY KEY, events bigint NOT NULL,"
                    + " last_version bigint NOT NULL, last_event text NOT NULL)");
        }
    }

    /** The events the table counts, all orders together. */
    long events(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(sum(events), 0) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void on(OrderPlaced event, EventContext context) throws SQLException {
        upsert(context);
    }

    public void on(OrderPaid event, EventContext context) throws SQLException {
        upsert(context);
    }

    public void on(OrderShipped event, EventContext context) throws SQLException {
        upsert(context);
    }

    public void on(OrderNoted event, EventContext context) throws SQLException {
        upsert(context);
    }

    private void upsert(EventContext context) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO " + table
                + " AS s (order_id, events, last_version, last_event) VALUES (?, 1, ?, ?)"
                + " ON CONFLICT (order_id) DO UPDATE SET events = s.events + 1, last_version = excluded.last_version,"
                + " last_event = excluded.last_event WHERE s.last_version = excluded.last_version - 1")) {
            statement.setString(1, context.streamId());
            statement.setLong(2, context.streamVersion());
            statement.setString(3, context.eventName());
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("event " + context.streamId() + " v" + context.streamVersion()
                        + " is not the next of its stream: repeated, skipped or out of order");
            }
        }
        handled.add(1);
    }
}
