package dev.stele.replication.internal;

/** How a worker tells its session that it failed, and learns that the session is over. */
public interface SessionControl {

    /** Ends the session with {@code problem}; the runner decides whether and when to start another. */
    void fail(Throwable problem);

    boolean isOver();
}
