package dev.stele.store.internal;

import dev.stele.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The store's schema, as numbered migrations the runtime applies itself. Each runs once, in order, in one
 * transaction, under an advisory lock taken before it begins, so application instances starting at once
 * neither race nor apply a migration twice; running them again changes nothing.
 */
public final class Migrations {

    /** One step of the schema. */
    record Migration(int version, String description, List<String> statements) {
    }

    private final Tables tables;
    private final MigrationsTable table;

    public Migrations(Tables tables) {
        this.tables = tables;
        this.table = new MigrationsTable(tables);
    }

    List<Migration> all() {
        Tables t = tables;
        return List.of(new Migration(1, "events, streams, outbox, snapshots, checkpoints", List.of(
                "CREATE TABLE " + t.events + " ("
                        + " global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),"
                        + " event_id uuid NOT NULL CONSTRAINT " + t.local(EventsTable.EVENT_ID_KEY) + " UNIQUE,"
                        + " stream_category text NOT NULL,"
                        + " stream_id text NOT NULL,"
                        + " stream_version bigint NOT NULL,"
                        + " event_name text NOT NULL,"
                        + " event_version int NOT NULL,"
                        + " payload jsonb NOT NULL,"
                        + " metadata jsonb NOT NULL DEFAULT '{}',"
                        + " recorded_at timestamptz NOT NULL DEFAULT now(),"
                        + " CONSTRAINT " + t.local(EventsTable.STREAM_VERSION_KEY)
                        + " UNIQUE (stream_category, stream_id, stream_version))",
                "CREATE INDEX " + t.local(EventsTable.ALL_INDEX) + " ON " + t.events
                        + " (transaction_id, global_position)",
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
                        + " updated_at timestamptz NOT NULL DEFAULT now())")),
                new Migration(2, "projections, their checkpoints per partition, parked events", List.of(
                        "CREATE TABLE " + t.projections + " ("
                                + " name text PRIMARY KEY,"
                                + " slot_name text NOT NULL,"
                                + " partitions int NOT NULL,"
                                + " catch_up_snapshot pg_snapshot NOT NULL,"
                                + " catch_up_until pg_lsn NOT NULL,"
                                + " catch_up_position bigint NOT NULL DEFAULT 0,"
                                + " caught_up boolean NOT NULL DEFAULT false,"
                                + " registered_at timestamptz NOT NULL DEFAULT now())",
                        "CREATE TABLE " + t.projectionCheckpoints + " ("
                                + " projection text NOT NULL REFERENCES " + t.projections + " ON DELETE CASCADE,"
                                + " partition int NOT NULL,"
                                + " lsn pg_lsn NOT NULL,"
                                + " updated_at timestamptz NOT NULL DEFAULT now(),"
                                + " PRIMARY KEY (projection, partition))",
                        "CREATE TABLE " + t.parkedEvents + " ("
                                + " projection text NOT NULL,"
                                + " event_id uuid NOT NULL,"
                                + " global_position bigint NOT NULL,"
                                + " stream_category text NOT NULL,"
                                + " stream_id text NOT NULL,"
                                + " stream_version bigint NOT NULL,"
                                + " event_name text NOT NULL,"
                                + " event_version int NOT NULL,"
                                + " error text NOT NULL,"
                                + " attempts int NOT NULL,"
                                + " parked_at timestamptz NOT NULL DEFAULT now(),"
                                + " PRIMARY KEY (projection, event_id))")),
                new Migration(3, "outbox metadata, for the relay's headers; the relays and their slots", List.of(
                        "ALTER TABLE " + t.outbox + " ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'",
                        "CREATE TABLE " + t.relays + " ("
                                + " slot_name text PRIMARY KEY,"
                                + " publication text NOT NULL,"
                                + " registered_at timestamptz NOT NULL DEFAULT now())")),
                new Migration(4, "the poison event each stopped projection stopped on, for other processes to see",
                        List.of("CREATE TABLE " + t.projectionStops + " ("
                                + " projection text PRIMARY KEY REFERENCES " + t.projections + " ON DELETE CASCADE,"
                                + " event_id uuid NOT NULL,"
                                + " global_position bigint NOT NULL,"
                                + " stream_category text NOT NULL,"
                                + " stream_id text NOT NULL,"
                                + " stream_version bigint NOT NULL,"
                                + " event_name text NOT NULL,"
                                + " event_version int NOT NULL,"
                                + " error text NOT NULL,"
                                + " attempts int NOT NULL,"
                                + " stopped_at timestamptz NOT NULL DEFAULT now())")),
                new Migration(5, "projection versions, and the version of each read model that is current", List.of(
                        "ALTER TABLE " + t.projections + " ADD COLUMN projection_name text,"
                                + " ADD COLUMN version int NOT NULL DEFAULT 1",
                        "UPDATE " + t.projections + " SET projection_name = name",
                        "ALTER TABLE " + t.projections + " ALTER COLUMN projection_name SET NOT NULL",
                        "CREATE TABLE " + t.readModels + " ("
                                + " projection_name text PRIMARY KEY,"
                                + " version int NOT NULL,"
                                + " switched_at timestamptz NOT NULL DEFAULT now())",
                        // what ran before versions existed is version 1, current once it caught up
                        "INSERT INTO " + t.readModels + " (projection_name, version)"
                                + " SELECT name, 1 FROM " + t.projections + " WHERE caught_up")));
    }

    /** The version of the newest migration: what {@link #apply} brings a schema to. */
    public int latest() {
        return all().size();
    }

    /** The version of the schema on {@code connection}'s database: 0 if it has none. */
    public int current(Connection connection) throws SQLException {
        return table.current(connection);
    }

    /**
     * Applies what is missing; returns how many migrations ran. A schema that is up to date is only
     * read, so an application may run under a role without DDL rights once its schema exists.
     */
    public int apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (table.current(connection) >= all().size()) {
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            table.lock(connection);
            try {
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
                    connection.setAutoCommit(true);
                }
            } finally {
                table.unlock(connection);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new EventStoreException("migrate the event store schema", tables.schema, e);
        }
    }

    private int apply(Connection connection) throws SQLException {
        table.create(connection);
        int current = table.current(connection);
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
            table.record(connection, migration.version(), migration.description());
            applied++;
        }
        return applied;
    }
}
