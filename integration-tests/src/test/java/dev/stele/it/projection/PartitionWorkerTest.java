package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderPaid;
import dev.stele.projection.EventContext;
import dev.stele.projection.Lsn;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.internal.EventApplier;
import dev.stele.replication.internal.PartitionWorker;
import dev.stele.replication.internal.ProjectionRun;
import dev.stele.replication.internal.ProjectionTables;
import dev.stele.replication.internal.SessionControl;
import dev.stele.replication.internal.SourceEvent;
import dev.stele.replication.internal.Work;
import dev.stele.replication.internal.WorkQueue;
import dev.stele.spi.ProjectionType;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.internal.Tables;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A partition worker driven directly, with the work the slot reader hands it in an order of our choosing. */
class PartitionWorkerTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void commitsABatchLeftOpenByItsSourceTransactionWhenATickForTheSamePositionDrainsTheQueue() throws Exception {
        String schema = "worker_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        DataSource dataSource = Database.dataSource();
        EventStore.create(dataSource, CATALOG, EventStoreOptions.defaults().withSchema(schema)); // the tables
        ProjectionTables tables = new ProjectionTables(new Tables(schema, "stele_"));
        Lsn start = new Lsn(0x1000);
        try (Connection connection = dataSource.getConnection()) {
            tables.register(connection, "payments", "payments", 1, "no_slot", 1, start);
        }
        ProjectionRun<Object> run = new ProjectionRun<>(new Payments(), new Object(), ProjectionOptions.defaults());
        run.durable(0, start);
        CountDownLatch committed = new CountDownLatch(1);
        AtomicReference<Lsn> checkpoint = new AtomicReference<>();
        ProjectionListener listener = new ProjectionListener() {
            @Override
            public void applied(String projection, int partition, int events, Lsn lsn, Instant commitTime) {
                checkpoint.set(lsn);
                committed.countDown();
            }
        };
        Session session = new Session();
        WorkQueue queue = new WorkQueue(100, 1 << 20);
        // the source transaction's commit finds the tick behind it, so it leaves its batch open for what follows;
        // what follows is only the tick, at the same position: the queue is then empty and the batch must commit
        Lsn commitLsn = new Lsn(0x2000);
        Lsn endLsn = new Lsn(0x2010);
        Instant commitTime = Instant.parse("2026-11-30T12:00:00Z");
        queue.offer(new Work.Change(event(commitLsn, commitTime)), 0);
        queue.offer(new Work.Commit(commitLsn, endLsn, commitTime), 0);
        queue.offer(new Work.Tick(endLsn), 0);
        PartitionWorker worker = new PartitionWorker(run, 0, queue, dataSource, tables,
                new EventApplier(CATALOG, run, tables, listener), listener, session);
        Thread thread = new Thread(worker, "test-partition-worker");
        thread.start();
        try {
            assertThat(committed.await(5, TimeUnit.SECONDS)).as("the batch committed").isTrue();
            assertThat(checkpoint.get()).isEqualTo(endLsn);
            assertThat(run.durable(0)).isEqualTo(endLsn);
            assertThat(session.problem.get()).isNull();
        } finally {
            session.over = true;
            thread.interrupt();
            thread.join(10_000);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static SourceEvent event(Lsn commitLsn, Instant commitTime) {
        OrderPaid paid = new OrderPaid(new OrderId("o-1"), "pay-1", 1_000, commitTime);
        String payload = new String(CATALOG.toJson(paid).payload(), StandardCharsets.UTF_8);
        return new SourceEvent(1, 1_000, UUID.randomUUID(), "order", "o-1", 1, "OrderPaid", 1, payload, "{}",
                commitLsn, commitTime);
    }

    /** A projection of {@code OrderPaid} that does nothing. */
    private static final class Payments implements ProjectionType<Object> {

        @Override
        public String name() {
            return "payments";
        }

        @Override
        public Class<Object> projectionClass() {
            return Object.class;
        }

        @Override
        public Set<String> handledEvents() {
            return Set.of("OrderPaid");
        }

        @Override
        public void handle(Object projection, String eventName, Object event, EventContext context) {
        }
    }

    private static final class Session implements SessionControl {

        final AtomicReference<Throwable> problem = new AtomicReference<>();
        volatile boolean over;

        @Override
        public void fail(Throwable cause) {
            problem.set(cause);
            over = true;
        }

        @Override
        public boolean isOver() {
            return over;
        }
    }
}
