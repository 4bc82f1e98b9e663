package dev.stele.it.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Reads one registration's {@code caught_up} and whether its projection has a current version, in one statement,
 * as often as it can: a first version must be current from the very transaction that ends its catch-up.
 */
final class CaughtUpWatch implements AutoCloseable {

    private final DataSource dataSource;
    private final String query;
    private final AtomicLong caughtUp = new AtomicLong();
    private final AtomicLong notCurrent = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    CaughtUpWatch(DataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
        this.thread = new Thread(this::watch, "it-caught-up-watch");
        this.thread.setDaemon(true);
    }

    CaughtUpWatch start() {
        thread.start();
        return this;
    }

    private void watch() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            while (!stopped) {
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        caughtUp.incrementAndGet();
                        if (!rows.getBoolean(2)) {
                            notCurrent.incrementAndGet();
                        }
                    }
                }
            }
        } catch (SQLException e) {
            notCurrent.addAndGet(1_000_000); // a failed read fails the test too
        }
    }

    long caughtUpSeen() {
        return caughtUp.get();
    }

    long caughtUpButNotCurrent() {
        return notCurrent.get();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
