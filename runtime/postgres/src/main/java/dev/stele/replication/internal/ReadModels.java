package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.ReadModelSwitch;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of each projection's read model is current, and the one-step switch to a newer version: in
 * one transaction, once the newer version has applied everything the current one has, the user's
 * {@link ReadModelSwitch} runs and the newer version is recorded as current.
 */
public final class ReadModels {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);

    /** How long a switch holds the current version's checkpoints while the newer version draws level. */
    private static final long LEVEL_WAIT_NANOS = 5_000_000_000L;

    /** What became of an attempt to make a version current. */
    public enum Outcome {
        /** It is current now. */
        SWITCHED,
        /** It was current already. */
        ALREADY_CURRENT,
        /** A newer version is current: it never will be. */
        SUPERSEDED,
        /** It has not yet applied all the current version has; try again in a moment. */
        NOT_LEVEL
    }

    private final String current;
    private final String lockCurrent;
    private final String upsert;
    private final String insertFirst;
    private final String holdCheckpoints;
    private final String checkpoints;
    // per registration becoming current: the current version's newest checkpoint at the previous attempt
    private final Map<String, Lsn> previous = new ConcurrentHashMap<>();

    public ReadModels(Tables t) {
        current = "SELECT version FROM " + t.readModels + " WHERE projection_name = ?";
        lockCurrent = current + " FOR UPDATE";
        insertFirst = "INSERT INTO " + t.readModels + " (projection_name, version) VALUES (?, ?)"
                + " ON CONFLICT (projection_name) DO NOTHING";
        upsert = "INSERT INTO " + t.readModels + " (projection_name, version) VALUES (?, ?)"
                + " ON CONFLICT (projection_name) DO UPDATE SET version = excluded.version, switched_at = now()";
        checkpoints = "SELECT lsn::text FROM " + t.projectionCheckpoints + " WHERE projection = ?";
        // holds the current version's workers at their last commit while the switch compares and commits
        holdCheckpoints = checkpoints + " FOR SHARE";
    }

    /**
     * In the caller's transaction (the one that ends a catch-up): makes {@code run}'s version current if no version
     * of its projection is, running {@code action} behind a savepoint. If the action fails, nothing of it stays, the
     * failure is logged, and the caller's transaction goes on: the session tries the switch again later. Returns
     * whether it is current now.
     */
    public boolean makeFirstCurrent(Connection connection, ProjectionRun<?> run, ReadModelSwitch action)
            throws SQLException {
        if (version(connection, lockCurrent, run.projectionName()).isPresent()) {
            return false;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            action.switchTo(connection, run.version());
            try (PreparedStatement statement = connection.prepareStatement(insertFirst)) {
                statement.setString(1, run.projectionName());
                statement.setInt(2, run.version());
                if (statement.executeUpdate() != 1) {
                    Savepoints.rollbackTo(connection, savepoint, new SQLException("another runner made it current"));
                    return false;
                }
            }
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            Savepoints.rollbackTo(connection, savepoint, e);
            LOG.error("Projection {} version {} could not become current as it caught up: {}; the runner tries again",
                    run.projectionName(), run.version(), e.getMessage());
            return false;
        }
    }

    /** The current version of projection {@code name}; empty before any version of it caught up. */
    public OptionalInt current(Connection connection, String name) throws SQLException {
        return version(connection, current, name);
    }

    /**
     * Makes {@code run}'s version current if it is newer than the current one and has applied at least what the
     * current one has: its oldest checkpoint at or past the current version's newest, read while those are held.
     * Commits or rolls back {@code connection}'s transaction.
     *
     * @throws SQLException if the switch or the statements fail; nothing of it is committed then
     */
    public Outcome trySwitch(Connection connection, ProjectionRun<?> run, ReadModelSwitch action)
            throws SQLException, InterruptedException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            OptionalInt now = version(connection, lockCurrent, run.projectionName());
            if (now.isPresent() && now.getAsInt() >= run.version()) {
                return now.getAsInt() == run.version() ? Outcome.ALREADY_CURRENT : Outcome.SUPERSEDED;
            }
            if (now.isPresent() && !level(connection, run, ProjectionRun.key(run.projectionName(), now.getAsInt()))) {
                return Outcome.NOT_LEVEL;
            }
            action.switchTo(connection, run.version());
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                statement.setString(1, run.projectionName());
                statement.setInt(2, run.version());
                statement.executeUpdate();
            }
            connection.commit();
            return Outcome.SWITCHED;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Whether {@code run} has drawn level with the current version's registration. First without holding anything:
     * it must have reached where the current version stood at the previous attempt (it keeps up), else it is not
     * level yet. Then, holding the current version's checkpoints (its workers cannot commit past them meanwhile),
     * it waits a few seconds at most to pass the newest of them: what it still needs is in its queues already,
     * since the slot delivered it to both. A current version that was retired holds nothing back.
     */
    private boolean level(Connection connection, ProjectionRun<?> run, String currentKey)
            throws SQLException, InterruptedException {
        List<Lsn> current = lsns(connection, checkpoints, currentKey);
        if (current.isEmpty()) {
            return true;
        }
        Lsn before = previous.put(run.name(), Collections.max(current));
        Lsn own = oldest(connection, run);
        if (own == null || (before != null ? before : Collections.max(current)).isAfter(own)) {
            return false;
        }
        List<Lsn> held = lsns(connection, holdCheckpoints, currentKey);
        if (held.isEmpty()) {
            return true;
        }
        Lsn newest = Collections.max(held);
        long deadline = System.nanoTime() + LEVEL_WAIT_NANOS;
        while (true) {
            own = oldest(connection, run);
            if (own != null && !newest.isAfter(own)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    private Lsn oldest(Connection connection, ProjectionRun<?> run) throws SQLException {
        List<Lsn> own = lsns(connection, checkpoints, run.name());
        return own.isEmpty() ? null : Collections.min(own);
    }

    private static OptionalInt version(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static List<Lsn> lsns(Connection connection, String sql, String registration) throws SQLException {
        List<Lsn> lsns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, registration);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lsns.add(Lsn.parse(rows.getString(1)));
                }
            }
        }
        return lsns;
    }
}
