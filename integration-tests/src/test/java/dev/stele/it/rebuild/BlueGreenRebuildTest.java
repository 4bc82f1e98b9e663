package dev.stele.it.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReadModelSwitch;
import dev.stele.replication.RunnerStatus;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blue/green rebuilds of a projection while writers append throughout: version 2 catches up into tables of its
 * own while version 1 serves (and, when the runner keeps running it, stays live), joins the slot at its boundary,
 * and becomes current in the one transaction that swaps the view readers read. A reader polling the view all the
 * while must never see an account's count go down or an account disappear.
 */
class BlueGreenRebuildTest {

    private RebuildFixture fixture;

    @BeforeEach
    void store() throws Exception {
        fixture = new RebuildFixture();
    }

    @AfterEach
    void dropSlot() throws Exception {
        fixture.close();
    }

    @Test
    void versionTwoCatchesUpBesideALiveVersionOneAndTakesOverTheViewWithoutReadersSeeingAStepBack() throws Exception {
        fixture.prefill(40_000);
        ProjectionRunner first = fixture.runner().projection(fixture.version1(), ProjectionOptions.defaults()).build();
        try (first; CaughtUpWatch watch = fixture.watchCaughtUp("balances")) {
            first.start();
            fixture.awaitCondition(Duration.ofSeconds(60), () -> fixture.caughtUp("balances"));
            watch.stop();
            // a first version is current from the transaction that ends its catch-up: never caught up and not current
            assertThat(watch.caughtUpButNotCurrent()).as("reads that saw it caught up but not current").isZero();
            assertThat(watch.caughtUpSeen()).as("reads that saw it caught up").isPositive();
        }
        assertThat(first.currentVersion("balances")).isEqualTo(OptionalInt.of(1));
        assertThat(fixture.viewDefinitionReads("accounts_v1")).isTrue();

        try (ViewReader reader = fixture.startReader(); Writing writing = fixture.startWriting(800)) {
            try (ProjectionRunner runner = fixture.runner()
                    .projection(fixture.version1(), ProjectionOptions.defaults())
                    .projection(fixture.version2(), ProjectionOptions.defaults().withPartitions(2)).build()) {
                runner.start();
                // version 2 catches up aside while version 1 applies what the writers append
                fixture.awaitState(runner, "balances@v2", ProjectionStatus.State.CATCHING_UP, Duration.ofSeconds(30));
                long v1Before = runner.status().projection("balances").orElseThrow().applied();
                fixture.awaitCondition(Duration.ofSeconds(30), () -> runner.status().projection("balances")
                        .orElseThrow().applied() > v1Before + 50);
                assertThat(runner.currentVersion("balances")).isEqualTo(OptionalInt.of(1));

                fixture.awaitCurrent(runner, 2, Duration.ofSeconds(120));
                assertThat(fixture.viewDefinitionReads("accounts_v2")).isTrue();
                reader.awaitReadsOf(2, Duration.ofSeconds(10));
                writing.stop();
                fixture.awaitTableEqualsRebuild("accounts_v2", Duration.ofSeconds(60));
                fixture.awaitTableEqualsRebuild("accounts_v1", Duration.ofSeconds(60));
                assertThat(runner.status().projection("balances@v2").orElseThrow().state())
                        .isEqualTo(ProjectionStatus.State.LIVE);
            }
            reader.stop();
            assertThat(reader.problems()).as("what readers of the view saw go backwards").isEmpty();
            assertThat(reader.readsOf(1)).as("reads of version 1").isPositive();
            assertThat(reader.readsOf(2)).as("reads of version 2").isPositive();
        }
        assertThat(fixture.view()).isEqualTo(fixture.rebuilt());

        ProjectionRunner closed = fixture.runner().projection(fixture.version2(), ProjectionOptions.defaults().withPartitions(2)).build();
        assertThatThrownBy(() -> closed.retire("balances", 2, connection -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is current");
        closed.retire("balances", 1, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + fixture.schema() + ".accounts_v1");
            }
        });
        assertThat(fixture.registrations()).containsExactly("balances@v2");
        assertThat(fixture.tableExists("accounts_v1")).isFalse();
        assertThatThrownBy(() -> closed.retire("balances", 1, connection -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
    }

    @Test
    void aRunnerWithOnlyTheNewVersionBuildsItWhileTheOldTablesServeAsTheyWereThenSwitches() throws Exception {
        fixture.prefill(10_000);
        try (ProjectionRunner runner = fixture.runner().projection(fixture.version1(), ProjectionOptions.defaults())
                .build()) {
            runner.start();
            fixture.awaitCurrent(runner, 1, Duration.ofSeconds(60));
        }
        try (ViewReader reader = fixture.startReader(); Writing writing = fixture.startWriting(500)) {
            try (ProjectionRunner runner = fixture.runner().projection(fixture.version2(), ProjectionOptions.defaults())
                    .build()) {
                runner.start();
                fixture.awaitCurrent(runner, 2, Duration.ofSeconds(120));
                reader.awaitReadsOf(2, Duration.ofSeconds(10));
                writing.stop();
                fixture.awaitTableEqualsRebuild("accounts_v2", Duration.ofSeconds(60));
            }
            reader.stop();
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.readsOf(1)).isPositive();
        }
        assertThat(fixture.view()).isEqualTo(fixture.rebuilt());
    }

    @Test
    void aSwitchThatFailsLeavesTheVersionNotCurrentButCaughtUpAndLiveAndTheRunnerRunning() throws Exception {
        fixture.prefill(2_000);
        try (Connection connection = fixture.dataSource().getConnection(); Statement statement =
                connection.createStatement()) {
            statement.execute("CREATE TABLE " + fixture.schema() + ".accounts (n int)"); // a table, not a view
        }
        try (ProjectionRunner runner = fixture.runner().projection(fixture.version1(), ProjectionOptions.defaults())
                .build()) {
            runner.start();
            fixture.awaitCondition(Duration.ofSeconds(60), () -> fixture.caughtUp("balances"));
            fixture.awaitTableEqualsRebuild("accounts_v1", Duration.ofSeconds(60));
            Writing writing = fixture.startWriting(500); // appends after the catch-up: the slot applies them
            fixture.awaitCondition(Duration.ofSeconds(10), () -> writing.written() > 200);
            writing.stop();
            fixture.awaitTableEqualsRebuild("accounts_v1", Duration.ofSeconds(60));
            assertThat(runner.status().state()).isEqualTo(RunnerStatus.State.RUNNING);
            assertThat(runner.currentVersion("balances")).as("the refused switch made nothing current").isEmpty();
        }
    }

    @Test
    void aViewNameThatIsATableIsRefusedAndNothingSwitches() throws Exception {
        try (Connection connection = fixture.dataSource().getConnection(); Statement statement =
                connection.createStatement()) {
            statement.execute("CREATE TABLE " + fixture.schema() + ".totals (n int)");
            statement.execute("CREATE TABLE " + fixture.schema() + ".totals_v2 (n int)");
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> ReadModelSwitch.views(fixture.schema() + ".totals").switchTo(connection, 2))
                    .hasMessageContaining(fixture.schema() + ".totals is a table, not a view")
                    .hasMessageContaining("rename it to " + fixture.schema() + ".totals_v1");
            connection.rollback();
            assertThatThrownBy(() -> ReadModelSwitch.views(fixture.schema() + ".missing").switchTo(connection, 3))
                    .hasMessageContaining("its table " + fixture.schema() + ".missing_v3 does not exist");
            connection.rollback();
        }
        assertThatThrownBy(() -> ReadModelSwitch.views("Totals; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a lower-case SQL identifier");
    }
}
