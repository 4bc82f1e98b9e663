package dev.stele.maven.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.SlotReport;
import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.SlotStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RebuildWatchTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(2);

    /** A clock that moves only when the watch sleeps. */
    private static final class FakeClock implements RebuildWatch.Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now += duration.toNanos();
        }
    }

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final FakeClock clock = new FakeClock();

    private RebuildWatch watch(boolean console, Duration timeout, InspectionStatus... statuses) {
        Deque<InspectionStatus> queue = new ArrayDeque<>(List.of(statuses));
        return new RebuildWatch(() -> queue.size() > 1 ? queue.poll() : queue.peek(), clock,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new RebuildWatch.Settings(timeout, POLL, console));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static ProjectionReport v1(boolean current, ProjectionReport.Phase phase) {
        return new ProjectionReport("totals", "totals", 1, current, current ? Optional.of(AT) : Optional.empty(),
                "app", 1, phase, Lsn.parse("0/1000"), 0, 0, Optional.empty(), Optional.empty(), 0);
    }

    private static ProjectionReport v2(Optional<ProjectionReport.CatchUp> catchUp, String checkpoint,
            Optional<FailedEvent> stop) {
        return new ProjectionReport("totals@v2", "totals", 2, false, Optional.empty(), "app", 1,
                stop.isPresent() ? ProjectionReport.Phase.STOPPED : ProjectionReport.Phase.REBUILDING,
                Lsn.parse(checkpoint), 0, 0, catchUp, stop, 0);
    }

    private static InspectionStatus status(ProjectionReport... projections) {
        SlotStatus slot = new SlotStatus("app", "pgoutput", true, Lsn.parse("0/100"), Lsn.parse("0/1000"),
                SlotStatus.WalStatus.RESERVED, OptionalLong.empty(), Lsn.parse("0/1000"));
        List<String> users = new ArrayList<>();
        for (ProjectionReport p : projections) {
            users.add(p.name());
        }
        return new InspectionStatus(AT, Lsn.parse("0/1000"), List.of(new SlotReport("app",
                SlotReport.Kind.PROJECTIONS, users, Optional.of(slot))), List.of(projections), true);
    }

    private static InspectionStatus catchingUp(long done) {
        return status(v1(true, ProjectionReport.Phase.FOLLOWING_SLOT),
                v2(Optional.of(new ProjectionReport.CatchUp(done, 1000, true)), "0/800", Optional.empty()));
    }

    private static InspectionStatus switched() {
        ProjectionReport two = new ProjectionReport("totals@v2", "totals", 2, true, Optional.of(AT.plusSeconds(9)),
                "app", 1, ProjectionReport.Phase.FOLLOWING_SLOT, Lsn.parse("0/1000"), 0, 0, Optional.empty(),
                Optional.empty(), 0);
        return status(v1(false, ProjectionReport.Phase.SUPERSEDED), two);
    }

    @Test
    void followsTheNewVersionThroughItsCatchUpAndDrawingLevelToTheSwitchInLines() throws GoalFailure {
        InspectionStatus level = status(v1(true, ProjectionReport.Phase.FOLLOWING_SLOT),
                v2(Optional.empty(), "0/F00", Optional.empty()));
        String done = watch(false, Duration.ZERO, catchingUp(0), catchingUp(100), catchingUp(200), catchingUp(300),
                catchingUp(1000), level, switched()).follow("totals");

        assertThat(done).isEqualTo("version 2 of totals is current (switched at 2026-12-01T10:00:09Z)");
        // a line when the stage changes, then every five seconds at most (polls of 2 s: at 0, 6 s)
        assertThat(printed()).isEqualTo("""
                version 2 of totals catching up [..............................]   0% 0 of 1000 events
                version 2 of totals catching up [#########.....................]  30% 300 of 1000 events, 50/s, 14 s left
                version 2 of totals joined the slot, drawing level: 256 bytes behind version 1
                """);
    }

    @Test
    void onATerminalTheProgressIsRedrawnInPlace() throws GoalFailure {
        InspectionStatus level = status(v1(true, ProjectionReport.Phase.FOLLOWING_SLOT),
                v2(Optional.empty(), "0/F00", Optional.empty()));
        watch(true, Duration.ZERO, catchingUp(0), catchingUp(500), level, switched()).follow("totals");
        // each stage's last state stays on its line; the one after starts a new one
        assertThat(printed()).isEqualTo("\rversion 2 of totals catching up [..............................]   0% 0 of"
                + " 1000 events\rversion 2 of totals catching up [###############...............]  50% 500 of 1000"
                + " events, 250/s, 2 s left\n\rversion 2 of totals joined the slot, drawing level: 256 bytes behind"
                + " version 1\n");
    }

    @Test
    void aVersionAlreadyCurrentWithTheOldOneStillRegisteredSucceedsAtOnce() throws GoalFailure {
        assertThat(watch(false, Duration.ZERO, switched()).follow("totals"))
                .isEqualTo("version 2 of totals is current (switched at 2026-12-01T10:00:09Z)");
        assertThat(printed()).isEmpty();
    }

    @Test
    void aProjectionWithNoVersionNewerThanTheCurrentOneFails() {
        assertThatThrownBy(() -> watch(false, Duration.ZERO, status(v1(true, ProjectionReport.Phase.FOLLOWING_SLOT)))
                .follow("totals")).isInstanceOf(GoalFailure.class).hasMessage("Projection totals has no version newer"
                        + " than its current version 1 to rebuild: raise @Projection(version) and run the runner with"
                        + " the new class; docs/operations.md, Rebuilding a projection.");
    }

    @Test
    void anUnknownProjectionFailsNamingTheNearOnes() {
        assertThatThrownBy(() -> watch(false, Duration.ZERO, switched()).follow("total"))
                .hasMessage("No projection total is registered in this store; did you mean totals? A projection is"
                        + " registered when a runner starts with it.");
        assertThatThrownBy(() -> watch(false, Duration.ZERO, switched()).follow("ledger"))
                .hasMessage("No projection ledger is registered in this store; registered: totals. A projection is"
                        + " registered when a runner starts with it.");
    }

    @Test
    void aNewVersionStoppedOnAPoisonEventFailsNamingTheEvent() {
        FailedEvent poison = new FailedEvent("totals@v2", 7, "order", "o-1", 3, new UUID(0, 7), "OrderPaid", 2,
                "java.lang.IllegalStateException: boom", 5, AT);
        assertThatThrownBy(() -> watch(false, Duration.ZERO, catchingUp(0), status(
                v1(true, ProjectionReport.Phase.FOLLOWING_SLOT), v2(Optional.empty(), "0/800", Optional.of(poison))))
                .follow("totals")).hasMessage("Version 2 of totals stopped on OrderPaid v2 at position 7 (stream"
                        + " order-o-1 version 3, event 00000000-0000-0000-0000-000000000007):"
                        + " java.lang.IllegalStateException: boom after 5 attempts; fix its handler and restart the"
                        + " application's runner.");
    }

    @Test
    void theTimeoutFailsWithTheLastKnownState() {
        // reads at 0, 2, 4 and 6 s: the one at 6 s is past the timeout
        assertThatThrownBy(() -> watch(false, Duration.ofSeconds(5), catchingUp(0), catchingUp(100), catchingUp(200),
                catchingUp(300)).follow("totals")).hasMessage("Version 2 of totals is not current after 5 s"
                        + " (-Dstele.timeout); last seen: version 2 of totals catching up"
                        + " [#########.....................]  30% 300 of 1000 events, 50/s, 14 s left.");
    }
}
