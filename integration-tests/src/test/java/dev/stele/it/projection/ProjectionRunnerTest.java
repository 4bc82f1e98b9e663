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
import dev.stele.projection.Lsn;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.ProjectionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
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
        long before = projections.eventCount();
        List<CatchUpProgress> progress = new CopyOnWriteArrayList<>();
        LongAdder applied = new LongAdder();
        ProjectionListener listener = new ProjectionListener() {
            @Override
            public void catchUpProgress(CatchUpProgress report) {
                progress.add(report);
            }

            @Override
            public void applied(String projection, int partition, int events, Lsn checkpoint, Instant commitTime) {
                applied.add(events);
            }
        };
        try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults().withPartitions(3))
                .listener(listener).build()) {
            runner.start();
            projections.awaitProjected(Duration.ofSeconds(30));
            CatchUpProgress caughtUp = progress.get(progress.size() - 1);
            assertThat(caughtUp.total()).as("the catch-up read what was there").isEqualTo(before);
            assertThat(caughtUp.done()).isEqualTo(before);
            assertThat(caughtUp.fraction()).isEqualTo(1.0);
            appendAccounts(20, 40);
            appendAccounts(0, 10);
            projections.awaitProjected(Duration.ofSeconds(30));

            RunnerStatus status = runner.status();
            assertThat(status.state()).isEqualTo(RunnerStatus.State.RUNNING);
            ProjectionStatus balances = status.projection("balances").orElseThrow();
            assertThat(balances.state()).isEqualTo(ProjectionStatus.State.LIVE);
            assertThat(balances.applied()).isEqualTo(projections.eventCount());
            assertThat(status.slot()).isPresent();
            assertThat(applied.sum()).as("the listener saw every event the slot delivered")
                    .isEqualTo(projections.eventCount() - before);
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
