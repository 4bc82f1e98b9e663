package dev.stele.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code stele_schema_migrations}: the migrations applied, one row each. */
final class MigrationsTable {

    private final Sql exists;
    private final Sql create;
    private final Sql lock;
    private final Sql unlock;
    private final Sql current;
    private final Sql record;
    private final Tables tables;

    MigrationsTable(Tables tables) {
        this.tables = tables;
        this.exists = Sql.of("SELECT to_regclass(:table) IS NOT NULL");
        this.create = Sql.of("CREATE SCHEMA IF NOT EXISTS " + tables.schema + "; CREATE TABLE IF NOT EXISTS "
                + tables.migrations + " (version int PRIMARY KEY, description text NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now())");
        this.lock = Sql.of("SELECT pg_advisory_lock(hashtext(:key))");
        this.unlock = Sql.of("SELECT pg_advisory_unlock(hashtext(:key))");
        this.current = Sql.of("SELECT coalesce(max(version), 0) FROM " + tables.migrations);
        this.record = Sql.of("INSERT INTO " + tables.migrations + " (version, description) VALUES (:version,"
                + " :description)");
    }

    /** The version of the schema in the database, 0 if the table does not exist. */
    int current(Connection connection) throws SQLException {
        try (Sql.Bound statement = exists.prepare(connection)) {
            statement.set("table", tables.migrations);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Sql.Bound statement = current.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Takes the migrations' lock for the session, so instances starting at once apply them one after the
     * other. Take it before the migrations' transaction begins: a transaction that begins after the lock is
     * held sees the catalog as the instance before it left it. (A lock taken inside the transaction is not
     * enough: the server may still remember, from a lookup before the wait, that the schema was missing,
     * and try to create it again.)
     */
    void lock(Connection connection) throws SQLException {
        try (Sql.Bound statement = lock.prepare(connection)) {
            statement.set("key", key()).execute();
        }
    }

    /** Releases what {@link #lock} took; outside the transaction, after it ended. */
    void unlock(Connection connection) throws SQLException {
        try (Sql.Bound statement = unlock.prepare(connection)) {
            statement.set("key", key()).execute();
        }
    }

    private String key() {
        return "stele migrations " + tables.schema + "." + tables.prefix;
    }

    /** Creates the schema and this table if they are missing. */
    void create(Connection connection) throws SQLException {
        try (Sql.Bound statement = create.prepare(connection)) {
            statement.execute();
        }
    }

    void record(Connection connection, int version, String description) throws SQLException {
        try (Sql.Bound statement = record.prepare(connection)) {
            statement.set("version", version).set("description", description).executeUpdate();
        }
    }
}
