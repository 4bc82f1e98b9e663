package dev.stele.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code stele_schema_migrations}: the migrations applied, one row each. */
final class MigrationsTable {

    private final Sql exists;
    private final Sql create;
    private final Sql lock;
    private final Sql current;
    private final Sql record;
    private final Tables tables;

    MigrationsTable(Tables tables) {
        this.tables = tables;
        this.exists = Sql.of("SELECT to_regclass(:table) IS NOT NULL");
        this.create = Sql.of("CREATE SCHEMA IF NOT EXISTS " + tables.schema + "; CREATE TABLE IF NOT EXISTS "
                + tables.migrations + " (version int PRIMARY KEY, description text NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now())");
        this.lock = Sql.of("SELECT pg_advisory_xact_lock(hashtext(:key))");
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
     * Takes the migrations' lock until the transaction ends, so instances starting at once apply them
     * one after the other, then creates the schema and this table if missing.
     */
    void lockAndCreate(Connection connection) throws SQLException {
        try (Sql.Bound statement = lock.prepare(connection)) {
            statement.set("key", "stele migrations " + tables.schema + "." + tables.prefix).execute();
        }
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
