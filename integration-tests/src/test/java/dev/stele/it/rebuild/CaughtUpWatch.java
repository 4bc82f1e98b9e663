package dev.stele.it.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Reads one registration's {@code caught_up} and whether its projection has a current version, in one statement,
 * as often as it can: a first version must be current from the very transaction that ends its catch-up.
 */
final class CaughtUpWatch extends Poller {

    private final AtomicLong caughtUp = new AtomicLong();
    private final AtomicLong notCurrent = new AtomicLong();

    CaughtUpWatch(DataSource dataSource, String query) {
        super(dataSource, query, 0, "it-caught-up-watch");
    }

    CaughtUpWatch start() {
        begin();
        return this;
    }

    @Override
    boolean read(ResultSet rows) throws SQLException {
        if (rows.next() && rows.getBoolean(1)) {
            caughtUp.incrementAndGet();
            if (!rows.getBoolean(2)) {
                notCurrent.incrementAndGet();
            }
        }
        return true;
    }

    @Override
    void failed(SQLException e) {
        notCurrent.addAndGet(1_000_000); // a failed read fails the test too
    }

    long caughtUpSeen() {
        return caughtUp.get();
    }

    long caughtUpButNotCurrent() {
        return notCurrent.get();
    }
}
