package dev.stele.it.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs one query over and over on a connection and thread of its own, handing each result to {@link #read}. */
abstract class Poller implements AutoCloseable {

    private final DataSource dataSource;
    private final String query;
    private final long pauseMillis;
    private final Thread thread;
    private volatile boolean stopped;

    Poller(DataSource dataSource, String query, long pauseMillis, String name) {
        this.dataSource = dataSource;
        this.query = query;
        this.pauseMillis = pauseMillis;
        this.thread = new Thread(this::poll, name);
        this.thread.setDaemon(true);
    }

    /** What one result says; false stops the polling. */
    abstract boolean read(ResultSet rows) throws SQLException;

    /** A read or the connection failed: the polling goes on after a failed read, and stops if the connection did. */
    abstract void failed(SQLException e);

    void begin() {
        thread.start();
    }

    private void poll() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            while (!stopped) {
                try (ResultSet rows = statement.executeQuery()) {
                    if (!read(rows)) {
                        return;
                    }
                } catch (SQLException e) {
                    failed(e);
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (SQLException e) {
            failed(e);
        } catch (InterruptedException e) {
            // stopped
        }
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
