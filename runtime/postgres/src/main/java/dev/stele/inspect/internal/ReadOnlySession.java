package dev.stele.inspect.internal;

import dev.stele.inspect.DatabaseUnreachableException;
import dev.stele.inspect.InspectionException;
import dev.stele.inspect.SchemaNotMigratedException;
import dev.stele.store.internal.Migrations;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs an inspection in one read-only, repeatable-read transaction, so everything it reads is of one moment, after
 * checking that the schema is migrated; turns SQL errors into the inspector's typed errors.
 */
public final class ReadOnlySession {

    /** The oldest migration the inspector reads: the projections (2) and the relays (3). */
    public static final int REQUIRED_MIGRATION = 3;
    /** The migration that records stopped projections. */
    public static final int STOPS_MIGRATION = 4;
    /** The migration that records projection versions and the current version of each read model. */
    public static final int VERSIONS_MIGRATION = 5;

    /** Work on the session's connection; {@code migration} is the schema's. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection, int migration) throws SQLException;
    }

    private final DataSource dataSource;
    private final Tables tables;
    private final Migrations migrations;

    public ReadOnlySession(DataSource dataSource, Tables tables) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.migrations = new Migrations(tables);
    }

    public <R> R read(String operation, Work<R> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(operation, e);
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                int migration = migrations.current(connection);
                if (migration < REQUIRED_MIGRATION) {
                    throw new SchemaNotMigratedException(operation, tables.schema, tables.prefix, migration,
                            REQUIRED_MIGRATION);
                }
                return work.run(connection, migration);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw wrap(operation, e);
        }
    }

    private static InspectionException wrap(String operation, SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new DatabaseUnreachableException(operation, e);
        }
        return new InspectionException(operation, e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")"), e);
    }
}
