package dev.stele.relay.internal;

import dev.stele.projection.Lsn;
import dev.stele.relay.Publisher;
import dev.stele.relay.RelayStatus;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.internal.Backoff;
import dev.stele.replication.internal.SlotLock;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's own thread: takes the slot's lock (or stands by), then runs one {@link RelaySession} after
 * another, from the slot's confirmed position each time. After a publish failure it lets the publisher recover
 * first; after any failure it waits a bounded, jittered backoff. Stops on what it cannot get past by itself.
 */
public final class RelayLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLoop.class);

    /** What the loop works with. */
    public record Parts(DataSource dataSource, Callable<Connection> replication, Tables tables,
            RelaySession.Settings settings, Publisher publisher, Duration standbyPoll, Backoff backoff) {
    }

    private final Parts parts;
    private final AtomicLong published = new AtomicLong();
    private volatile RelayStatus.State state = RelayStatus.State.NEW;
    private volatile Throwable problem;
    private volatile RelaySession session;
    private volatile Lsn confirmed = Lsn.NONE;
    private volatile boolean closed;

    public RelayLoop(Parts parts) {
        this.parts = parts;
    }

    public RelayStatus.State state() {
        return state;
    }

    public Throwable problem() {
        return problem;
    }

    public Lsn confirmed() {
        RelaySession current = session;
        return current != null && current.confirmed().isAfter(confirmed) ? current.confirmed() : confirmed;
    }

    public long published() {
        RelaySession current = session;
        return published.get() + (current == null ? 0 : current.acknowledged());
    }

    public int inFlight() {
        RelaySession current = session;
        return current == null ? 0 : current.inFlight();
    }

    /** Ends the current session; the caller then interrupts and joins the thread. */
    public void close() {
        closed = true;
        RelaySession current = session;
        if (current != null) {
            current.end();
        }
    }

    public void closed() {
        state = RelayStatus.State.CLOSED;
    }

    @Override
    public void run() {
        int failures = 0;
        while (!closed) {
            long publishedBefore = published();
            long attemptStarted = System.nanoTime();
            try (Connection connection = parts.replication().call()) {
                if (!SlotLock.take(connection, 1, parts.settings().slotName())) {
                    state = RelayStatus.State.STANDBY;
                    connection.close();
                    Thread.sleep(parts.standbyPoll().toMillis());
                    continue;
                }
                runSession(connection);
                failures = 0;
            } catch (ReplicationException fatal) {
                if (closed) {
                    return;
                }
                LOG.error("The outbox relay on slot {} stopped: {}", parts.settings().slotName(), fatal.getMessage());
                problem = fatal;
                state = RelayStatus.State.FAILED;
                return;
            } catch (InterruptedException e) {
                if (!closed) {
                    problem = e;
                    state = RelayStatus.State.FAILED;
                }
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                boolean healthy = published() > publishedBefore
                        || System.nanoTime() - attemptStarted >= parts.backoff().maxMillis() * 1_000_000L;
                failures = healthy ? 1 : failures + 1;
                problem = e;
                state = RelayStatus.State.RECONNECTING;
                long delay = parts.backoff().delayMillis(failures);
                LOG.warn("Outbox relay on slot {}: {}; starting again from {} in {} ms", parts.settings().slotName(),
                        e.getMessage(), confirmed(), delay);
                try {
                    if (e instanceof RelaySession.PublishFailedException) {
                        parts.publisher().recover();
                    }
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                } catch (Exception recovery) {
                    LOG.warn("The publisher of relay slot {} did not recover: {}", parts.settings().slotName(),
                            recovery.toString());
                }
            } finally {
                RelaySession ended = session;
                if (ended != null) {
                    if (ended.confirmed().isAfter(confirmed)) {
                        confirmed = ended.confirmed();
                    }
                    session = null;
                    published.addAndGet(ended.acknowledged());
                }
            }
        }
    }

    private void runSession(Connection replication) throws Exception {
        Lsn start;
        try (Connection connection = parts.dataSource().getConnection()) {
            RelaySetup setup = new RelaySetup(parts.tables(), parts.settings().slotName(), parts.settings().publication());
            setup.prepare(connection);
            SlotStatus slot = SlotQueries.status(connection, parts.settings().slotName()).orElseThrow();
            start = slot.confirmedFlushLsn();
        }
        RelaySession next = new RelaySession(parts.settings(), parts.dataSource(), parts.publisher());
        session = next;
        if (closed) {
            return;
        }
        next.run(replication, start, () -> {
            state = RelayStatus.State.RUNNING;
            problem = null;
        });
    }
}
