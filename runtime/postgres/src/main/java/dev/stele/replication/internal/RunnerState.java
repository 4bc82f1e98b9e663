package dev.stele.replication.internal;

import dev.stele.replication.ProjectionListener;
import dev.stele.replication.RunnerStatus;

/** A runner's state, the problem behind it, and its current session: written by its supervisor, read by anyone. */
public final class RunnerState {

    private final ProjectionListener listener;
    private volatile RunnerStatus.State state = RunnerStatus.State.NEW;
    private volatile Throwable problem;
    private volatile SlotSession session;
    /** Counted down once the slot and publication exist, or the runner stands by, failed, or retries. */
    private final java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);

    public RunnerState(ProjectionListener listener) {
        this.listener = listener;
    }

    public RunnerStatus.State state() {
        return state;
    }

    public Throwable problem() {
        return problem;
    }

    public SlotSession session() {
        return session;
    }

    void session(SlotSession session) {
        this.session = session;
    }

    /** The runner holds its slot and publication, or will not for now (standing by, failed, retrying). */
    public void settle() {
        settled.countDown();
    }

    /** Waits up to {@code timeout} for {@link #settle()}; whether it came. */
    public boolean awaitSettled(java.time.Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Moves to {@code next}; a problem is kept until the runner reads the slot again. */
    public void set(RunnerStatus.State next, Throwable cause) {
        RunnerStatus.State previous;
        synchronized (this) {
            previous = state;
            if (previous == RunnerStatus.State.CLOSED) {
                return; // closed is final: a supervisor ending late does not write over it
            }
            state = next;
            if (cause != null || next == RunnerStatus.State.RUNNING) {
                problem = cause;
            }
        }
        if (next == RunnerStatus.State.FAILED || next == RunnerStatus.State.RECONNECTING
                || next == RunnerStatus.State.CLOSED) {
            settle();
        }
        if (previous != next) {
            try {
                listener.stateChanged(next, cause);
            } catch (RuntimeException ignored) {
                // a listener's failure is not the runner's
            }
        }
    }
}
