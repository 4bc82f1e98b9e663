package dev.stele.relay.internal;

import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.Publisher;
import dev.stele.replication.internal.PgOutputDecoder;
import dev.stele.replication.internal.PgOutputMessage;
import dev.stele.replication.internal.Heartbeat;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's worth of relaying: reads the slot from its confirmed position, hands each outbox record to
 * the {@link PublishingLoop} in commit order, and confirms to the server only what {@link Acknowledgements}
 * allows. Ends when the relay closes it, the connection fails, or a publish fails.
 */
public final class RelaySession {

    private static final Logger LOG = LoggerFactory.getLogger(RelaySession.class);
    private static final long OFFER_WAIT_MILLIS = 200;
    private static final long STATUS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What a session needs from its relay. */
    public record Settings(String slotName, String publication, String outboxSchema, String outboxTable,
            Duration heartbeatInterval, int maxInFlight) {
    }

    private final Settings settings;
    private final DataSource dataSource;
    private final Publisher publisher;
    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private final OutboxReader reader;
    private volatile boolean over;
    private volatile Acknowledgements acknowledgements;
    private volatile PublishingLoop publishing;
    private PGReplicationStream stream;
    private Lsn flushed = Lsn.NONE;
    private long lastStatus;
    private long lastHeartbeat;
    private volatile boolean heartbeating;

    public RelaySession(Settings settings, DataSource dataSource, Publisher publisher) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.reader = new OutboxReader(settings.outboxSchema(), settings.outboxTable());
    }

    /** Ends the session from outside. */
    public void end() {
        over = true;
    }

    /** What this session confirmed to the server last. */
    public Lsn confirmed() {
        return flushed;
    }

    /** Records this session's publisher acknowledged so far. */
    public long acknowledged() {
        Acknowledgements current = acknowledgements;
        return current == null ? 0 : current.acknowledgedCount();
    }

    /** Records handed to the publisher and not acknowledged yet. */
    public int inFlight() {
        PublishingLoop current = publishing;
        return current == null ? 0 : current.inFlight();
    }

    /**
     * Reads the slot from {@code start} (its confirmed position) on {@code replication} until the session ends,
     * calling {@code streaming} once the server streams; throws what ended it, returns if ended from outside.
     */
    public void run(Connection replication, Lsn start, Runnable streaming) throws Exception {
        flushed = start;
        Acknowledgements acks = new Acknowledgements(start);
        acknowledgements = acks;
        PublishingLoop loop = new PublishingLoop(publisher, acks, settings.maxInFlight());
        publishing = loop;
        Thread publishing = new Thread(loop, "stele-relay-publish-" + settings.slotName());
        publishing.setDaemon(true);
        publishing.start();
        try {
            stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                    .withSlotName(settings.slotName())
                    .withStartPosition(LogSequenceNumber.valueOf(start.value()))
                    .withSlotOption("proto_version", "1")
                    .withSlotOption("publication_names", settings.publication())
                    .withSlotOption("messages", "true")
                    .withStatusInterval(1, TimeUnit.SECONDS)
                    .withAutomaticFlush(false) // only what the publisher acknowledged is confirmed
                    .start();
            LOG.info("Relaying the outbox from slot {} at {}", settings.slotName(), start);
            streaming.run();
            read(acks, loop);
        } finally {
            over = true;
            loop.end();
            publishing.interrupt();
            publishing.join(TimeUnit.SECONDS.toMillis(10));
            if (stream != null) {
                try {
                    stream.close();
                } catch (SQLException ignored) {
                    // the connection is closed next anyway
                }
            }
        }
        Throwable failure = acks.failure();
        if (failure != null) {
            throw new PublishFailedException(failure);
        }
    }

    /** A publish failed: the relay recovers its publisher and starts again from the confirmed position. */
    public static final class PublishFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        PublishFailedException(Throwable cause) {
            super("publishing failed: " + cause, cause);
        }
    }

    private void read(Acknowledgements acks, PublishingLoop loop) throws Exception {
        Lsn commitLsn = Lsn.NONE;
        Acknowledgements.Transaction transaction = null;
        while (!over && acks.failure() == null) {
            ByteBuffer buffer = stream.readPending();
            if (buffer == null) {
                housekeeping(acks);
                Thread.sleep(2);
                continue;
            }
            PgOutputMessage message = decoder.decode(buffer);
            OutboxRecord record = null;
            if (message instanceof PgOutputMessage.Begin begin) {
                commitLsn = begin.finalLsn();
                transaction = null;
            } else if (message instanceof PgOutputMessage.Insert insert) {
                record = reader.row(insert, commitLsn);
            } else if (message instanceof PgOutputMessage.LogicalMessage logical) {
                if (logical.transactional()) {
                    record = reader.message(logical, commitLsn);
                } else if (logical.prefix().equals(Heartbeat.PREFIX)) {
                    acks.passed(logical.lsn()); // decoded in log order: every commit before it was delivered
                }
            } else if (message instanceof PgOutputMessage.Relation relation) {
                reader.relation(relation);
            } else if (message instanceof PgOutputMessage.Commit commit) {
                acks.committed(transaction, commit.endLsn());
                transaction = null;
            }
            if (record != null) {
                if (transaction == null) {
                    transaction = acks.begin();
                }
                acks.sent(transaction);
                while (!loop.offer(record, transaction, OFFER_WAIT_MILLIS)) {
                    if (over || acks.failure() != null) {
                        return;
                    }
                    confirm(acks); // the server times out a receiver that says nothing
                }
            }
            housekeeping(acks);
        }
    }

    private void housekeeping(Acknowledgements acks) throws SQLException {
        long now = System.nanoTime();
        if (now - lastStatus > STATUS_NANOS) {
            confirm(acks);
        }
        if (!settings.heartbeatInterval().isZero() && now - lastHeartbeat > settings.heartbeatInterval().toNanos()
                && !heartbeating) {
            lastHeartbeat = now;
            heartbeating = true;
            // on a thread of its own: a database refusing connections must not stall the reading
            Thread beat = new Thread(() -> {
                try {
                    Heartbeat.emit(dataSource, settings.slotName());
                } finally {
                    heartbeating = false;
                }
            }, "stele-relay-heartbeat-" + settings.slotName());
            beat.setDaemon(true);
            beat.start();
        }
    }

    private void confirm(Acknowledgements acks) throws SQLException {
        Lsn confirmable = acks.confirmable();
        if (confirmable.isAfter(flushed)) {
            flushed = confirmable;
            LogSequenceNumber lsn = LogSequenceNumber.valueOf(confirmable.value());
            stream.setFlushedLSN(lsn);
            stream.setAppliedLSN(lsn);
        }
        stream.forceUpdateStatus();
        lastStatus = System.nanoTime();
    }
}
