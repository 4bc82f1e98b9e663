package dev.stele.store.internal;

import dev.stele.store.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The store's schema, as numbered migrations the runtime applies itself. Each runs once, in order, in
 * one transaction holding an advisory lock, so application instances starting at once neither race
 * nor apply a migration twice; running them again changes nothing.
 */
public final class Migrations {

    /** One step of the schema. */
    record Migration(int version, String description, List<String> statements) {
    }

    private final Tables tables;

    public Migrations(Tables tables) {
        this.tables = tables;
    }

    List<Migration> all() {
        Tables t = tables;
        return List.of(new Migration(1, "events, streams, outbox, snapshots, checkpoints", List.of(
                "CREATE TABLE " + t.events + " ("
                        + " global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),"
                        + " event_id uuid NOT NULL CONSTRAINT " + t.local("events_event_id_key") + " UNIQUE,"
                        + " stream_category text NOT NULL,"
                        + " stream_id text NOT NULL,"
                        + " stream_version bigint NOT NULL,"
                        + " event_name text NOT NULL,"
                        + " event_version int NOT NULL,"
                        + " payload jsonb NOT NULL,"
                        + " metadata jsonb NOT NULL DEFAULT '{}',"
                        + " recorded_at timestamptz NOT NULL DEFAULT now(),"
                        + " CONSTRAINT " + t.local("events_stream_version_key")
                        + " UNIQUE (stream_category, stream_id, stream_version))",
                "CREATE INDEX " + t.local("events_all_idx") + " ON " + t.events + " (transaction_id, global_position)",
                "CREATE TABLE " + t.streams + " ("
                        + " stream_category text NOT NULL,"
                        + " stream_id text NOT NULL,"
                        + " version bigint NOT NULL,"
                        + " last_xid xid8 NOT NULL,"
                        + " PRIMARY KEY (stream_category, stream_id))",
                "CREATE TABLE " + t.outbox + " ("
                        + " id uuid PRIMARY KEY,"
                        + " aggregatetype text NOT NULL,"
                        + " aggregateid text NOT NULL,"
                        + " type text NOT NULL,"
                        + " payload jsonb NOT NULL,"
                        + " event_version int NOT NULL,"
                        + " recorded_at timestamptz NOT NULL DEFAULT now())",
                "CREATE TABLE " + t.snapshots + " ("
                        + " stream_category text NOT NULL,"
                        + " stream_id text NOT NULL,"
                        + " stream_version bigint NOT NULL,"
                        + " state_type text NOT NULL,"
                        + " schema_fingerprint bigint NOT NULL,"
                        + " state jsonb NOT NULL,"
                        + " taken_at timestamptz NOT NULL DEFAULT now(),"
                        + " PRIMARY KEY (stream_category, stream_id))",
                "CREATE TABLE " + t.checkpoints + " ("
                        + " name text PRIMARY KEY,"
                        + " position text NOT NULL,"
                        + " updated_at timestamptz NOT NULL DEFAULT now())")));
    }

    /**
     * Applies what is missing; returns how many migrations ran. A schema that is up to date is only
     * read, so an application may run under a role without DDL rights once its schema exists.
     */
    public int apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (current(connection) >= all().size()) {
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            boolean done = false;
            try {
                int applied = apply(connection);
                connection.commit();
                done = true;
                return applied;
            } finally {
                if (!done) {
                    // Errors too: restoring autocommit on an open transaction would commit half a migration
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new EventStoreException("migrate the event store schema", tables.schema, e);
        }
    }

    /** The version of the schema in the database, 0 if the store has no table there yet. */
    private int current(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, tables.migrations);
            try (ResultSet rows = exists.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + tables.migrations)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private int apply(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "stele migrations " + tables.schema + "." + tables.prefix);
            lock.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + tables.schema);
            statement.execute("CREATE TABLE IF NOT EXISTS " + tables.migrations + " (version int PRIMARY KEY,"
                    + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        }
        int current;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + tables.migrations)) {
            rows.next();
            current = rows.getInt(1);
        }
        int applied = 0;
        for (Migration migration : all()) {
            if (migration.version() <= current) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO " + tables.migrations + " (version, description) VALUES (?, ?)")) {
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.executeUpdate();
            }
            applied++;
        }
        return applied;
    }
}
