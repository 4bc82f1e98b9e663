package dev.stele.it.kafka.projection;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.projection.EventContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * A projection fed from Kafka that keeps a balance per account and counts how often each event id was applied.
 * The tests write an account's deposits with amounts 1, 2, 3, … in order, so the handler refuses a deposit that is
 * not the next of its account (or a second opening): an event applied twice, skipped or reordered fails it, and
 * its partition stops, which fails the test.
 */
@Projection(name = "kafka-balances")
public final class KafkaBalances {

    private final String balances;
    private final String applications;
    private volatile Consumer<EventContext> beforeEach = context -> { };

    public KafkaBalances(String schema) {
        this.balances = schema + ".balances";
        this.applications = schema + ".applications";
    }

    /** Runs before every handler call: a test's gate. */
    public KafkaBalances beforeEach(Consumer<EventContext> hook) {
        this.beforeEach = hook;
        return this;
    }

    public void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + balances + " (account_id text PRIMARY KEY,"
                    + " balance bigint NOT NULL, events bigint NOT NULL, last_amount bigint NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + applications + " (event_id uuid PRIMARY KEY,"
                    + " times int NOT NULL)");
        }
    }

    @Handle
    public void on(AccountOpened event, EventContext context) throws SQLException {
        beforeEach.accept(context);
        try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO " + balances
                + " (account_id, balance, events, last_amount) VALUES (?, 0, 1, 0) ON CONFLICT DO NOTHING")) {
            statement.setString(1, context.streamId());
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("account " + context.streamId() + " opened twice");
            }
        }
        counted(context);
    }

    @Handle
    public void on(MoneyDeposited event, EventContext context) throws SQLException {
        beforeEach.accept(context);
        if (event.accountId().startsWith("poison")) {
            throw new IllegalStateException("a handler bug on account " + event.accountId());
        }
        try (PreparedStatement statement = context.connection().prepareStatement("UPDATE " + balances
                + " SET balance = balance + ?, events = events + 1, last_amount = ?"
                + " WHERE account_id = ? AND last_amount = ?")) {
            statement.setLong(1, event.amountMinor());
            statement.setLong(2, event.amountMinor());
            statement.setString(3, context.streamId());
            statement.setLong(4, event.amountMinor() - 1);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("deposit " + event.amountMinor() + " on " + context.streamId()
                        + " is not the next: repeated, skipped or out of order");
            }
        }
        counted(context);
    }

    private void counted(EventContext context) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO " + applications
                + " AS a (event_id, times) VALUES (?, 1) ON CONFLICT (event_id) DO UPDATE SET times = a.times + 1")) {
            statement.setObject(1, context.eventId());
            statement.executeUpdate();
        }
    }
}
