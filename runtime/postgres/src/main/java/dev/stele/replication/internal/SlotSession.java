package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.ProjectionStatus;
import dev.stele.store.internal.Tables;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's worth of reading the slot: from the oldest checkpoint of the projections, through the
 * partition workers, until the runner closes it or something fails. Single-threaded; the workers are its
 * threads too and end with it.
 *
 * <p>It confirms to the server only the oldest durable checkpoint of all partitions (the driver's own
 * confirming is off), so the slot never lets go of a change some projection has not committed. While a
 * partition's queue is full it keeps sending status updates, so the server does not time the connection
 * out, and reads nothing more.
 */
public final class SlotSession implements SessionControl {

    private static final Logger LOG = LoggerFactory.getLogger(SlotSession.class);
    private static final long OFFER_WAIT_MILLIS = 200;
    /** Status updates at least this often, well within any sensible {@code wal_sender_timeout}. */
    private static final long STATUS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What a session needs from its runner. */
    public record Settings(String slotName, String publication, Duration heartbeatInterval, Duration tickInterval,
            java.nio.file.Path spoolDirectory) {
    }

    private final Settings settings;
    private final Tables t;
    private final DataSource dataSource;
    private final List<ProjectionRun<?>> runs;
    private final Map<ProjectionRun<?>, PartitionWorker[]> workers;
    private final Map<Integer, EventsRelation> eventRelations = new HashMap<>();
    private final TableChanges tableChanges;
    private long transactionXid;
    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Throwable failure;
    private volatile boolean over;

    private PGReplicationStream stream;
    private Lsn lastSeen = Lsn.NONE;
    private Lsn flushed = Lsn.NONE;
    private volatile Instant newestCommitTime;
    private long lastTick;
    private long lastStatus;
    private final Heartbeat heartbeat;
    private int streamXid;
    // per run, the partitions that received changes of the transaction being read
    private final Map<ProjectionRun<?>, boolean[]> touched = new HashMap<>();

    public SlotSession(Settings settings, Tables t, DataSource dataSource, List<ProjectionRun<?>> runs,
            Map<ProjectionRun<?>, PartitionWorker[]> workers, TableChanges tableChanges) {
        this.settings = settings;
        this.heartbeat = new Heartbeat(dataSource, settings.slotName(), settings.heartbeatInterval(),
                "stele-heartbeat-" + settings.slotName());
        this.tableChanges = tableChanges;
        this.t = t;
        this.dataSource = dataSource;
        this.runs = runs;
        this.workers = workers;
        for (ProjectionRun<?> run : runs) {
            touched.put(run, new boolean[run.partitions()]);
        }
    }

    @Override
    public synchronized void fail(Throwable problem) {
        if (failure == null) {
            failure = problem;
        }
        over = true;
    }

    /** The session ended while the reader waited to hand work over. */
    private static final class SessionEnded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SessionEnded() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean isOver() {
        return over;
    }

    /** Ends the session from outside (the runner closes). */
    public void end() {
        over = true;
    }

    public Instant newestCommitTime() {
        return newestCommitTime;
    }

    /**
     * Starts the workers and reads the slot on {@code replication} until the session ends, calling
     * {@code streaming} once the server streams; throws what ended it, returns if it was ended from outside.
     */
    public void run(Connection replication, Runnable streaming) throws Exception {
        Lsn start = oldestCheckpoint();
        flushed = start;
        startWorkers();
        try (TransactionSpool spool = new TransactionSpool(settings.spoolDirectory())) {
            stream = replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                    .withSlotName(settings.slotName())
                    .withStartPosition(LogSequenceNumber.valueOf(start.value()))
                    .withSlotOption("proto_version", "2")
                    .withSlotOption("publication_names", settings.publication())
                    .withSlotOption("messages", "true")
                    .withSlotOption("streaming", "on")
                    .withStatusInterval(1, TimeUnit.SECONDS)
                    .withAutomaticFlush(false)
                    .start();
            LOG.info("Reading slot {} from {}", settings.slotName(), start);
            for (ProjectionRun<?> run : runs) {
                if (run.readsSlot()) {
                    run.state(ProjectionStatus.State.LIVE);
                }
            }
            streaming.run();
            read(spool);
        } catch (SessionEnded ended) {
            // a worker failed, or the runner closes, while the reader waited for room: failure says which
        } finally {
            over = true;
            stopWorkers();
            for (ProjectionRun<?> run : runs) {
                run.pending().set(0); // what was queued is dropped; the next session reads it again
            }
            if (stream != null) {
                try {
                    stream.close();
                } catch (SQLException ignored) {
                    // the connection is closed next anyway
                }
            }
        }
        if (failure != null) {
            throw failure instanceof Exception e ? e : new RuntimeException(failure);
        }
    }

    private void read(TransactionSpool spool) throws Exception {
        Lsn commitLsn = Lsn.NONE;
        Instant commitTime = null;
        while (!over) {
            ByteBuffer buffer = stream.readPending();
            if (buffer == null) {
                housekeeping();
                Thread.sleep(2);
                continue;
            }
            PgOutputMessage message = decoder.decode(buffer);
            if (message instanceof PgOutputMessage.Begin begin) {
                commitLsn = begin.finalLsn();
                commitTime = begin.commitTime();
                transactionXid = Integer.toUnsignedLong(begin.xid());
                tableChanges.begin();
            } else if (PgOutputMessage.isChange(message)) {
                int xid = PgOutputMessage.changeXid(message);
                if (xid != 0) {
                    spool.append(streamXid, xid, buffer);
                } else {
                    change(message, commitLsn, commitTime);
                }
            } else if (message instanceof PgOutputMessage.Type type) {
                tableChanges.type(type);
            } else if (message instanceof PgOutputMessage.Commit commit) {
                committed(commit.commitLsn(), commit.endLsn(), commit.commitTime());
            } else if (message instanceof PgOutputMessage.Relation relation) {
                relation(relation);
            } else if (message instanceof PgOutputMessage.StreamStart start) {
                streamXid = start.xid();
            } else if (message instanceof PgOutputMessage.StreamCommit commit) {
                replay(spool, commit);
            } else if (message instanceof PgOutputMessage.StreamAbort abort) {
                spool.abort(abort.xid(), abort.subXid());
            } else if (message instanceof PgOutputMessage.LogicalMessage logical) {
                if (!logical.transactional() && logical.prefix().equals(Heartbeat.PREFIX)
                        && logical.lsn().isAfter(lastSeen)) {
                    lastSeen = logical.lsn(); // decoded in log order: every commit before it was delivered
                }
            }
            housekeeping();
        }
    }

    private void replay(TransactionSpool spool, PgOutputMessage.StreamCommit commit) throws Exception {
        Iterator<ByteBuffer> changes = spool.commit(commit.xid());
        transactionXid = Integer.toUnsignedLong(commit.xid());
        tableChanges.begin();
        while (changes.hasNext()) {
            PgOutputMessage message = decoder.decodeStreamed(changes.next());
            if (PgOutputMessage.isChange(message)) {
                change(message, commit.commitLsn(), commit.commitTime());
            }
        }
        committed(commit.commitLsn(), commit.endLsn(), commit.commitTime());
    }

    private void relation(PgOutputMessage.Relation relation) {
        String events = t.events.substring(t.events.indexOf('.') + 1);
        if (relation.namespace().equals(t.schema) && relation.name().equals(events)) {
            eventRelations.put(relation.oid(), new EventsRelation(relation));
        } else {
            eventRelations.remove(relation.oid());
            tableChanges.relation(relation);
        }
    }

    /** A change of the events table (inserts only: events are never updated) or of a mapped table. */
    private void change(PgOutputMessage message, Lsn commitLsn, Instant commitTime) throws Exception {
        if (message instanceof PgOutputMessage.Insert insert && eventRelations.containsKey(insert.relationOid())) {
            insert(insert, commitLsn, commitTime);
        } else if (message instanceof PgOutputMessage.Truncate truncate) {
            for (SourceEvent event : tableChanges.truncate(truncate, transactionXid, commitLsn, commitTime)) {
                offerToHandlers(event);
            }
        } else {
            SourceEvent event = tableChanges.change(message, transactionXid, commitLsn, commitTime);
            if (event != null) {
                offerToHandlers(event);
            }
        }
    }

    /** A table change, to every projection that handles its event, in its row's partition. */
    private void offerToHandlers(SourceEvent event) throws Exception {
        for (ProjectionRun<?> run : runs) {
            if (!run.readsSlot() || !run.handles(event.eventName())) {
                continue;
            }
            int partition = event.partition(run.partitions());
            run.pending().incrementAndGet();
            offer(run, partition, new Work.Change(event));
            touched.get(run)[partition] = true;
        }
    }

    /** An insert into the events table: decoded only if some projection handles its event. */
    private void insert(PgOutputMessage.Insert insert, Lsn commitLsn, Instant commitTime) throws Exception {
        EventsRelation relation = eventRelations.get(insert.relationOid());
        String name = relation.eventName(insert.row());
        for (ProjectionRun<?> run : runs) {
            if (run.readsSlot() && run.handles(name)) {
                offerToHandlers(relation.event(insert.row(), commitLsn, commitTime));
                return;
            }
        }
    }

    private void committed(Lsn commitLsn, Lsn endLsn, Instant commitTime) throws Exception {
        Work.Commit commit = new Work.Commit(commitLsn, endLsn, commitTime);
        for (ProjectionRun<?> run : runs) {
            boolean[] partitions = touched.get(run);
            for (int partition = 0; partition < partitions.length; partition++) {
                if (partitions[partition]) {
                    partitions[partition] = false;
                    if (run.readsSlot()) {
                        offer(run, partition, commit);
                    }
                }
            }
        }
        lastSeen = endLsn;
        newestCommitTime = commitTime;
    }

    /** Hands work to a partition; while its queue is full, keeps the connection alive and reads nothing. */
    private void offer(ProjectionRun<?> run, int partition, Work work) throws Exception {
        WorkQueue queue = workers.get(run)[partition].queue();
        while (!queue.offer(work, OFFER_WAIT_MILLIS)) {
            if (over || !run.readsSlot()) {
                if (failure != null || over) {
                    throw new SessionEnded();
                }
                return;
            }
            confirm(); // sends a status update: the server times out a receiver that says nothing
        }
    }

    private void housekeeping() throws Exception {
        long now = System.nanoTime();
        if (now - lastTick > settings.tickInterval().toNanos()) {
            lastTick = now;
            tick();
        }
        if (now - lastStatus > STATUS_NANOS) {
            confirm();
        }
        heartbeat.maybeBeat(now);
    }

    /** Lets idle partitions move their checkpoints to what has been read, so the slot can move too. */
    private void tick() throws Exception {
        if (lastSeen.equals(Lsn.NONE)) {
            return;
        }
        Work.Tick tick = new Work.Tick(lastSeen);
        for (ProjectionRun<?> run : runs) {
            if (!run.readsSlot()) {
                continue;
            }
            for (int partition = 0; partition < run.partitions(); partition++) {
                if (lastSeen.isAfter(run.durable(partition))) {
                    offer(run, partition, tick);
                }
            }
        }
    }

    /**
     * Sends a status update confirming the oldest durable checkpoint of all projections, stopped ones and
     * those catching up aside included: never a position some projection has not committed.
     */
    private void confirm() throws SQLException {
        Lsn oldest = oldestCheckpoint();
        if (oldest.isAfter(flushed)) {
            flushed = oldest;
            LogSequenceNumber lsn = LogSequenceNumber.valueOf(oldest.value());
            stream.setFlushedLSN(lsn);
            stream.setAppliedLSN(lsn);
        }
        stream.forceUpdateStatus();
        lastStatus = System.nanoTime();
    }

    private Lsn oldestCheckpoint() {
        Lsn oldest = null;
        for (ProjectionRun<?> run : runs) {
            Lsn lsn = run.oldestCheckpoint();
            if (oldest == null || oldest.isAfter(lsn)) {
                oldest = lsn;
            }
        }
        return oldest;
    }

    private void startWorkers() {
        for (ProjectionRun<?> run : runs) {
            if (!run.readsSlot()) {
                continue;
            }
            PartitionWorker[] partitions = workers.get(run);
            for (int partition = 0; partition < partitions.length; partition++) {
                Thread thread = new Thread(partitions[partition], "stele-projection-" + run.name() + "-" + partition);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    /** Stops the workers, waiting 25 s in all (an interrupt does not cut the wait short, it is kept for after). */
    private void stopWorkers() {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within 25 s; its handler may be stuck (its checkpoint writes are fenced)",
                        thread.getName());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
