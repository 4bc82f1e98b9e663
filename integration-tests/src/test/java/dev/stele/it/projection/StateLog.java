package dev.stele.it.projection;

import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.RunnerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a runner in this JVM told its listener: its state changes, in order, with when; poisoned events. */
final class StateLog implements ProjectionListener {

    /** A state change, {@code nanos} from {@link System#nanoTime()}. */
    record Change(RunnerStatus.State state, Throwable problem, long nanos) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final List<FailedEvent> poisoned = new ArrayList<>();

    @Override
    public synchronized void stateChanged(RunnerStatus.State state, Throwable problem) {
        changes.add(new Change(state, problem, System.nanoTime()));
        notifyAll();
    }

    @Override
    public synchronized void poisoned(FailedEvent event, PoisonPolicy policy) {
        poisoned.add(event);
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    synchronized List<FailedEvent> poisoned() {
        return List.copyOf(poisoned);
    }

    /** How many changes there are so far: a mark for {@link #await}. */
    synchronized int mark() {
        return changes.size();
    }

    /** The first change to {@code state} at or after {@code mark}, waiting up to {@code timeout}; null if none came. */
    synchronized Change await(RunnerStatus.State state, int mark, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = mark;
        while (true) {
            for (; seen < changes.size(); seen++) {
                if (changes.get(seen).state() == state) {
                    return changes.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The index of a change; for a mark just after it. */
    synchronized int indexOf(Change change) {
        return changes.indexOf(change);
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder();
        long first = changes.isEmpty() ? 0 : changes.get(0).nanos();
        for (Change change : changes) {
            text.append(String.format("%n  +%d ms %s%s", (change.nanos() - first) / 1_000_000, change.state(),
                    change.problem() == null ? "" : " (" + change.problem() + ")"));
        }
        return text.toString();
    }
}
