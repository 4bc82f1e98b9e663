package dev.stele.it.cdc.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.it.projection.ChildRunner;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once effect for changes of a plain table under crashes: writers change {@code it_crash_accounts}
 * in many small transactions while a runner in a child JVM, feeding {@link CrashAccountCopies} from the slot, is
 * killed with SIGKILL at random moments and started again each time. The copy ends equal to the table, the
 * projection never stopped (it refuses a change that is not the next of its row, so one applied twice or skipped
 * stops it), and it logged exactly as many changes as the writers committed. The slot decodes in 64 kB, so the
 * transactions of hundreds of rows come streamed, in chunks before their commit, and are spooled by the runner.
 *
 * <p>A longer soak: {@code -Dstele.faults.kills=100 -Dstele.faults.changes=300000}; {@code -Dstele.faults.seed}
 * repeats a run's random moments (the seed is printed).
 */
class TableChangesCrashTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final DataSource DATA_SOURCE = Database.dataSource();
    private static final String TABLE = "public.it_crash_accounts";
    private static final int PARTITIONS = 4;
    private static final int KILLS = Integer.getInteger("stele.faults.kills", 10);
    private static final long CHANGES = Long.getLong("stele.faults.changes", 24_000);
    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());
    /** The slot's memory for decoding: the transactions of hundreds of rows exceed it and come streamed. */
    private static final String DECODING_MEMORY = "64kB";

    private String schema;
    private String slot;
    private AccountWriters writers;
    private final List<ChildRunner> children = new ArrayList<>();

    private record Kill(int index, String state, long committed, boolean writing, long applied, int exitStatus) {
    }

    @BeforeEach
    void createTables() throws SQLException {
        schema = "cdc_crash_" + ProcessHandle.current().pid();
        slot = "it_cdc_crash_" + ProcessHandle.current().pid();
        EventStore.create(DATA_SOURCE, CATALOG, EventStoreOptions.defaults().withSchema(schema));
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            new CrashAccountCopies(schema).createTables(connection);
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, balance bigint NOT NULL,"
                    + " version bigint NOT NULL)");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (writers != null) {
            writers.close();
        }
        for (ChildRunner child : children) {
            child.close();
        }
        await(Duration.ofSeconds(30), () -> walsenderPid() == 0);
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND active");
            await(Duration.ofSeconds(30), () -> walsenderPid() == 0);
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void everyChangeOfTheTableTakesEffectExactlyOnceThoughTheRunnerIsKilledAgainAndAgain() throws Exception {
        System.out.println("TableChangesCrashTest seed " + SEED + " (-Dstele.faults.seed=" + SEED + " repeats it)");
        long began = System.nanoTime();
        Random random = new Random(SEED);
        // the slot and the publication exist before the first change: a change made earlier never reaches the slot
        ChildRunner first = start("runner-0");
        assertThat(first.awaitState("RUNNING", Duration.ofSeconds(60))).as("the first runner reads the slot").isTrue();
        // the changes over about as long as the kills take (a runner lives some 1.5 s), so they land while writing;
        // the writers go on until the kills are over, and until there are CHANGES
        writers = new AccountWriters(DATA_SOURCE, TABLE, 3, CHANGES, SEED)
                .pace(Math.max(200, CHANGES / (KILLS * 1.6))).start();

        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            kills.add(killAt(i == 0 ? first : start("runner-" + i), i, random));
        }
        kills.forEach(kill -> System.out.println("TableChangesCrashTest " + kill));

        ChildRunner last = start("runner-last");
        writers.finish(Duration.ofSeconds(180));
        assertThat(last.awaitState("RUNNING", Duration.ofSeconds(60))).as("the last runner reads the slot").isTrue();
        await(Duration.ofSeconds(120), () -> copies().equals(source()) && applied() == writers.committed()
                || children.stream().anyMatch(child -> !child.failures().isEmpty()));

        List<String> source = source();
        String streamed = query("SELECT coalesce(max(stream_txns), 0) FROM pg_stat_replication_slots"
                + " WHERE slot_name = '" + slot + "'").get(0);
        System.out.println("TableChangesCrashTest " + KILLS + " kills, " + writers.committed() + " changes committed ("
                + writers.rolledBack() + " transactions rolled back), " + source.size() + " rows, " + streamed
                + " transactions streamed, " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
        for (ChildRunner child : children) {
            assertThat(child.failures()).as("what %s reported", child).isEmpty();
        }
        assertThat(writers.committed()).isGreaterThanOrEqualTo(CHANGES);
        List<String> copies = copies();
        assertThat(differences(copies, source)).as("rows of the copy (-) and of the table (+) that differ").isEmpty();
        assertThat(copies).as("the copy, row by row").hasSameSizeAs(source);
        assertThat(applied()).as("changes applied, each logged once by its event id")
                .isEqualTo(writers.committed());
        assertThat(kills).extracting(Kill::exitStatus).as("killed by SIGKILL").containsOnly(ChildRunner.KILLED);
        assertThat(kills).as("kills while reading the slot as writers change the table")
                .filteredOn(kill -> kill.state().equals("RUNNING") && kill.writing()).hasSizeGreaterThan(KILLS / 2)
                .as("with changes not applied yet").anyMatch(kill -> kill.applied() < kill.committed());
        assertThat(Long.parseLong(streamed)).as("transactions the slot streamed in chunks before their commit")
                .isPositive();
        assertThat(last.stop(Duration.ofSeconds(40))).as("the last runner closes and exits").isZero();
        assertThat(last.lines()).contains("CLOSED");
    }

    private Kill killAt(ChildRunner child, int index, Random random) throws Exception {
        if (index % 4 == 3) {
            // any moment after the JVM started: starting, waiting for the killed one's slot, reading
            Thread.sleep(random.nextInt(3_000));
        } else {
            assertThat(child.awaitState("RUNNING", Duration.ofSeconds(60))).as("%s reads the slot", child).isTrue();
            Thread.sleep(100 + random.nextInt(2_000));
        }
        String state = child.state();
        long committed = writers.committed();
        boolean writing = !writers.done();
        long applied = applied();
        int exitStatus = child.kill();
        return new Kill(index, state, committed, writing, applied, exitStatus);
    }

    private ChildRunner start(String name) {
        ChildRunner child = ChildRunner.start(name, TableRunnerProcess.class,
                List.of(Database.jdbcUrl(), schema, slot, Integer.toString(PARTITIONS), DECODING_MEMORY));
        children.add(child);
        return child;
    }

    /** The first rows that only one of them has: {@code -} the copy's, {@code +} the table's. */
    private static List<String> differences(List<String> copies, List<String> source) {
        Set<String> inCopies = new HashSet<>(copies);
        Set<String> inSource = new HashSet<>(source);
        List<String> differences = new ArrayList<>();
        copies.stream().filter(row -> !inSource.contains(row)).map(row -> "-" + row).forEach(differences::add);
        source.stream().filter(row -> !inCopies.contains(row)).map(row -> "+" + row).forEach(differences::add);
        return differences.subList(0, Math.min(differences.size(), 20));
    }

    private List<String> copies() {
        return query("SELECT id || '|' || balance || '|' || version FROM " + schema + ".crash_account_copies"
                + " ORDER BY id");
    }

    private List<String> source() {
        return query("SELECT id || '|' || balance || '|' || version FROM " + TABLE + " ORDER BY id");
    }

    private long applied() {
        return Long.parseLong(query("SELECT count(*) FROM " + schema + ".crash_changes_applied").get(0));
    }

    private int walsenderPid() {
        List<String> pid = query("SELECT coalesce(active_pid, 0) FROM pg_replication_slots WHERE slot_name = '"
                + slot + "'");
        return pid.isEmpty() ? 0 : Integer.parseInt(pid.get(0));
    }

    private static List<String> query(String sql) {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(100);
        }
    }
}
