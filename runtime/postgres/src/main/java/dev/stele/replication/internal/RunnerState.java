package dev.stele.replication.internal;

import dev.stele.replication.ProjectionListener;
import dev.stele.replication.RunnerStatus;

/** A runner's state, the problem behind it, and its current session: written by its supervisor, read by anyone. */
public final class RunnerState {

    private final ProjectionListener listener;
    private volatile RunnerStatus.State state = RunnerStatus.State.NEW;
    private volatile Throwable problem;
    private volatile SlotSession session;

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
        if (previous != next) {
            try {
                listener.stateChanged(next, cause);
            } catch (RuntimeException ignored) {
                // a listener's failure is not the runner's
            }
        }
    }
}
