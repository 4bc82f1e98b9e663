package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreException;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import dev.stele.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the README promises of the store's role: once the migrations have run, an application whose role
 * has only USAGE on the schema and SELECT, INSERT, UPDATE, DELETE on the tables appends and reads.
 */
class LeastPrivilegeRoleTest {

    @Test
    void anApplicationRoleWithoutDdlRightsAppendsAndReadsOnceTheSchemaExists() throws SQLException {
        String schema = Stores.freshSchema();
        EventStoreOptions options = EventStoreOptions.defaults().withSchema(schema);
        EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG, options);
        String role = schema + "_app";
        try (Connection admin = Stores.DATA_SOURCE.getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app'");
            sql.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
        }

        EventStore store = EventStore.create(as(role), Stores.CATALOG, options);
        StreamId account = StreamId.of("account", "a-1");
        store.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
        store.append(account, ExpectedVersion.exactly(1), List.of(new MoneyDeposited("a-1", 10)));

        assertThat(store.readStream(account, 1, 10)).hasSize(2);
    }

    @Test
    void aRoleWithoutTheGrantsGetsATypedErrorNamingTheOperation() throws SQLException {
        String schema = Stores.freshSchema();
        EventStoreOptions options = EventStoreOptions.defaults().withSchema(schema);
        EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG, options);
        String role = schema + "_nobody";
        try (Connection admin = Stores.DATA_SOURCE.getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'nobody'");
            sql.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
        }

        assertThatThrownBy(() -> EventStore.create(as(role), Stores.CATALOG, options))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(schema);
    }

    private static PGSimpleDataSource as(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestDatabase.jdbcUrl());
        dataSource.setUser(role);
        dataSource.setPassword(role.endsWith("_app") ? "app" : "nobody");
        return dataSource;
    }
}
