package dev.stele.it.projection;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A projection that keeps a balance and an event count per account, and refuses an event that is not the
 * next of its stream: a repeated, skipped or reordered event fails the handler, which stops the projection
 * and so fails the test.
 */
@Projection(name = "balances")
public final class AccountBalances {

    private final String table;

    public AccountBalances(String schema) {
        this(schema, "balances");
    }

    public AccountBalances(String schema, String table) {
        this.table = schema + "." + table;
    }

    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (account_id text PRIMARY KEY,"
                    + " balance bigint NOT NULL, events bigint NOT NULL, last_version bigint NOT NULL)");
        }
    }

    @Handle
    public void on(AccountOpened event, EventContext context) throws SQLException {
        add(context, 0);
    }

    @Handle
    public void on(MoneyDeposited event, EventContext context) throws SQLException {
        add(context, event.amountMinor());
    }

    @Handle
    public void on(MoneyWithdrawn event, EventContext context) throws SQLException {
        add(context, -event.amountMinor());
    }

    private void add(EventContext context, long amount) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO " + table
                + " AS b (account_id, balance, events, last_version) VALUES (?, ?, 1, ?)"
                + " ON CONFLICT (account_id) DO UPDATE SET balance = b.balance + excluded.balance,"
                + " events = b.events + 1, last_version = excluded.last_version"
                + " WHERE b.last_version = excluded.last_version - 1")) {
            statement.setString(1, context.streamId());
            statement.setLong(2, amount);
            statement.setLong(3, context.streamVersion());
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("event " + context.streamId() + " v" + context.streamVersion()
                        + " is not the next of its stream: repeated, skipped or out of order");
            }
        }
    }
}
