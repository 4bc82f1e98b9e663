package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionRunnerTest {

    private Projections projections;

    @AfterEach
    void dropSlot() throws Exception {
        if (projections != null) {
            projections.dropSlot();
        }
    }

    @Test
    void catchesUpFromTheTableThenFollowsTheSlot() throws Exception {
        projections = new Projections();
        appendAccounts(0, 20);
        try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults().withPartitions(3)).build()) {
            runner.start();
            projections.awaitProjected(Duration.ofSeconds(30));
            appendAccounts(20, 40);
            appendAccounts(0, 10);
            projections.awaitProjected(Duration.ofSeconds(30));

            RunnerStatus status = runner.status();
            assertThat(status.state()).isEqualTo(RunnerStatus.State.RUNNING);
            ProjectionStatus balances = status.projection("balances").orElseThrow();
            assertThat(balances.state()).isEqualTo(ProjectionStatus.State.LIVE);
            assertThat(balances.applied()).isEqualTo(projections.eventCount());
            assertThat(status.slot()).isPresent();
        }
    }

    private void appendAccounts(int from, int to) {
        for (int i = from; i < to; i++) {
            StreamId stream = StreamId.of("account", "a-" + i);
            if (projections.store.version(stream) == 0) {
                projections.store.append(stream, ExpectedVersion.noStream(), List.of(new AccountOpened("a-" + i, "o")));
            }
            projections.store.append(stream, ExpectedVersion.any(), List.of(new MoneyDeposited("a-" + i, 100 + i),
                    new MoneyWithdrawn("a-" + i, 7)));
        }
    }
}
