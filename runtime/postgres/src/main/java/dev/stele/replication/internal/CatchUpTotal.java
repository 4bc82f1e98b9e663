package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exact number of events a catch-up reads, counted on a connection and a thread of its own
 * ({@code stele-catch-up-count-…}) so the catch-up does not wait for it: the count sees the same rows as the
 * catch-up's reads (the same filter, the same registration snapshot), whichever connection runs it.
 * {@link #close()} cancels a count still running and waits for its thread a bounded time.
 */
final class CatchUpTotal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpTotal.class);
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final String projection;
    private final Thread thread;
    private volatile long total = -1;
    private volatile PreparedStatement running;
    private volatile boolean closed;

    private CatchUpTotal(DataSource dataSource, String count, String projection, List<String> names, long position,
            String snapshot) {
        this.projection = projection;
        this.thread = new Thread(() -> count(dataSource, count, names, position, snapshot),
                "stele-catch-up-count-" + projection);
        thread.setDaemon(true);
    }

    /** Starts counting, with {@code count} bound as the catch-up binds its reads. */
    static CatchUpTotal start(DataSource dataSource, String count, String projection, List<String> names,
            long position, String snapshot) {
        CatchUpTotal total = new CatchUpTotal(dataSource, count, projection, names, position, snapshot);
        total.thread.start();
        return total;
    }

    /** The total once counted; empty while the count runs (or when it failed). */
    OptionalLong known() {
        long counted = total;
        return counted < 0 ? OptionalLong.empty() : OptionalLong.of(counted);
    }

    private void count(DataSource dataSource, String count, List<String> names, long position, String snapshot) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(count)) {
            CatchUp.bind(connection, statement, names, position, snapshot);
            running = statement;
            if (closed) {
                return;
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
        } catch (SQLException e) {
            if (!closed) {
                LOG.warn("Could not count the catch-up of {}; its progress is reported at the end only", projection,
                        e);
            }
        } finally {
            running = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        PreparedStatement statement = running;
        if (statement != null && total < 0) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.debug("Could not cancel the count of {}'s catch-up", projection, e);
            }
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the catch-up's own loop answers it
        }
    }
}
