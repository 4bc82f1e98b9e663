package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionStatus;
import dev.stele.store.internal.Tables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new (or reset) projection reads the events table before it joins the slot: only the events it handles
 * (filtered in SQL), only those its registration snapshot sees, in order of position, in batches that
 * each commit with the catch-up's position. The snapshot sees exactly what committed before the
 * registration's boundary, and the slot gives the projection what committed from there on: no event
 * skipped, none repeated, however writers interleave with it. A crash resumes after the
 * last committed batch, in the same snapshot. The total for its progress is counted beside it
 * ({@link CatchUpTotal}), so the first batch does not wait for a {@code count(*)} of the rows.
 */
public final class CatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    private static final int BATCH = 2000;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final String COLUMNS = "global_position, transaction_id::text, event_id, stream_category, stream_id,"
            + " stream_version, event_name, event_version, payload::text, metadata::text, recorded_at";

    private final DataSource dataSource;
    private final ProjectionTables tables;
    private final ProjectionListener listener;
    private final String select;
    private final String count;
    private long lastLogged;

    /** What else commits in the transaction that ends a projection's catch-up. */
    @FunctionalInterface
    public interface Ending {
        void caughtUp(Connection connection, ProjectionRun<?> run) throws SQLException;
    }

    private final Ending ending;

    public CatchUp(DataSource dataSource, Tables t, ProjectionTables tables, ProjectionListener listener,
            Ending ending) {
        this.ending = ending;
        this.dataSource = dataSource;
        this.tables = tables;
        this.listener = listener;
        String filter = " FROM " + t.events + " WHERE event_name = ANY(?) AND global_position > ?"
                + " AND pg_visible_in_snapshot(transaction_id, ?::pg_snapshot)";
        this.select = "SELECT " + COLUMNS + filter + " ORDER BY global_position LIMIT " + BATCH;
        this.count = "SELECT count(*)" + filter;
    }

    /**
     * Applies every event the registration's snapshot sees after its catch-up position; returns whether it
     * got to the end (false: the projection stopped on a poison event, or the thread was interrupted).
     */
    public boolean run(ProjectionRun<?> run, ProjectionTables.Registration registration, EventApplier applier)
            throws SQLException, InterruptedException {
        run.state(ProjectionStatus.State.CATCHING_UP);
        long position = registration.catchUpPosition();
        String snapshot = registration.catchUpSnapshot().toString();
        List<String> names = new ArrayList<>(run.handledEvents());
        long started = System.nanoTime();
        long lastReport = 0;
        long done = 0;
        try (CatchUpTotal total = CatchUpTotal.start(dataSource, count, run.name(), names, position, snapshot)) {
            while (!Thread.currentThread().isInterrupted()) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    Throwable problem = null;
                    try {
                        List<SourceEvent> batch = read(connection, names, position, snapshot);
                        if (batch.isEmpty()) {
                            tables.markCaughtUp(connection, run.name());
                            ending.caughtUp(connection, run);
                            connection.commit();
                            report(run, done, done, started); // at the end, what it applied is the total
                            return true;
                        }
                        if (!applyBatch(connection, run, position, batch, applier)) {
                            return false;
                        }
                        position = batch.get(batch.size() - 1).globalPosition();
                        done += batch.size();
                    } catch (Throwable e) {
                        problem = e;
                        throw e;
                    } finally {
                        restore(connection, problem);
                    }
                }
                OptionalLong known = total.known();
                if (known.isPresent() && System.nanoTime() - lastReport > 1_000_000_000L) {
                    lastReport = System.nanoTime();
                    report(run, done, Math.max(done, known.getAsLong()), started);
                }
            }
        }
        throw new InterruptedException("catch-up of " + run.name() + " interrupted");
    }

    /** Applies a batch in one transaction; after a failure, event by event, each committed with the position. */
    private boolean applyBatch(Connection connection, ProjectionRun<?> run, long from, List<SourceEvent> batch,
            EventApplier applier) throws SQLException, InterruptedException {
        try {
            for (SourceEvent event : batch) {
                applier.apply(connection, event);
            }
            tables.saveCatchUpPosition(connection, run.name(), from, batch.get(batch.size() - 1).globalPosition());
            connection.commit();
            run.appliedEvents(batch.size(), batch.get(batch.size() - 1).commitTime());
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            boolean valid;
            try {
                connection.rollback();
                valid = connection.isValid(5);
            } catch (SQLException lost) {
                e.addSuppressed(lost);
                valid = false;
            }
            if (!valid) {
                throw new SQLException("the catch-up's connection was lost", e);
            }
        }
        long expected = from;
        for (SourceEvent event : batch) {
            EventApplier.Outcome outcome = applier.applyCarefully(connection, event);
            if (outcome == EventApplier.Outcome.STOPPED) {
                connection.rollback();
                StopRecord.write(connection, tables, run);
                return false;
            }
            tables.saveCatchUpPosition(connection, run.name(), expected, event.globalPosition());
            expected = event.globalPosition();
            connection.commit();
            if (outcome == EventApplier.Outcome.APPLIED) {
                run.appliedEvents(1, event.commitTime());
            }
        }
        return true;
    }

    /**
     * Back to autocommit, rolling back what was not committed. When the connection is lost, the failure goes with
     * {@code problem} (what ended the batch, say the server's reason) instead of hiding it.
     */
    private static void restore(Connection connection, Throwable problem) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (problem == null) {
                throw e;
            }
            problem.addSuppressed(e);
        }
    }

    private void report(ProjectionRun<?> run, long done, long total, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        CatchUpProgress progress = new CatchUpProgress(run.name(), done, total, seconds > 0 ? done / seconds : 0);
        run.catchUp(progress);
        if (System.nanoTime() - lastLogged > LOG_EVERY_NANOS || done >= total) {
            lastLogged = System.nanoTime();
            LOG.info("Catching up {}", progress);
        }
        try {
            listener.catchUpProgress(progress);
        } catch (RuntimeException ignored) {
            // a listener's failure is not the catch-up's
        }
    }

    private List<SourceEvent> read(Connection connection, List<String> names, long position, String snapshot)
            throws SQLException {
        List<SourceEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            bind(connection, statement, names, position, snapshot);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new SourceEvent(rows.getLong(1), Long.parseLong(rows.getString(2)),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getString(5), rows.getLong(6),
                            rows.getString(7), rows.getInt(8), rows.getString(9), rows.getString(10), Lsn.NONE,
                            rows.getTimestamp(11).toInstant()));
                }
            }
        }
        return events;
    }

    /** Binds the parameters of the catch-up's reads and of its count. */
    static void bind(Connection connection, PreparedStatement statement, List<String> names, long position,
            String snapshot) throws SQLException {
        Array array = connection.createArrayOf("text", names.toArray());
        statement.setArray(1, array);
        statement.setLong(2, position);
        statement.setString(3, snapshot);
    }
}
