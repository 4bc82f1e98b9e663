package dev.stele.it.cdc.crash;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Threads that change {@code it_crash_accounts} with plain JDBC in many small transactions until told to finish
 * and at least {@code changes} row changes have committed: new accounts, {@code balance = balance + x, version = version + 1} on one or
 * several rows (now and then hundreds), a new row changed and closed in its own transaction, now and then a delete. Only committed
 * transactions count, by their statements' update counts; one that meets a deadlock or a conflict is rolled back
 * and not counted. A pace (changes a second, over all threads) spreads them over the time the kills take.
 */
final class AccountWriters implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;
    private final long changes;
    private final int threads;
    private final long seed;
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final List<Thread> running = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile double perSecond = Double.MAX_VALUE;
    private volatile boolean finishing;
    private volatile boolean closed;
    private long started;

    AccountWriters(DataSource dataSource, String table, int threads, long changes, long seed) {
        this.dataSource = dataSource;
        this.table = table;
        this.threads = threads;
        this.changes = changes;
        this.seed = seed;
    }

    /** At most this many changes a second over all threads, from now on. */
    AccountWriters pace(double changesPerSecond) {
        this.perSecond = changesPerSecond;
        return this;
    }

    AccountWriters start() {
        started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Random random = new Random(seed * 31 + i);
            Thread thread = new Thread(() -> write(random), "it-crash-writer-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
        return this;
    }

    /** Row changes committed so far. */
    long committed() {
        return committed.get();
    }

    long rolledBack() {
        return rolledBack.get();
    }

    boolean done() {
        return running.stream().noneMatch(Thread::isAlive);
    }

    /** Waits for the writers to finish, once at least {@code changes} have committed; throws what any failed with. */
    void finish(Duration timeout) throws InterruptedException {
        finishing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : running) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("a writer failed");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
        if (!done()) {
            throw new IllegalStateException("the writers did not finish in " + timeout + ": " + committed.get()
                    + " of " + changes + " changes");
        }
    }

    private void write(Random random) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (!closed && !(finishing && committed.get() >= changes)) {
                long made;
                try {
                    made = transaction(connection, random);
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    String state = e.getSQLState();
                    if (!"40P01".equals(state) && !"40001".equals(state)) {
                        throw e;
                    }
                    rolledBack.incrementAndGet();
                    continue;
                }
                long total = committed.addAndGet(made);
                pause(total);
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** One transaction's statements; the rows they changed. */
    private long transaction(Connection connection, Random random) throws SQLException {
        int kind = random.nextInt(100);
        if (kind < 25 || nextId.get() < 50) {
            return open(connection, random, 1 + random.nextInt(3));
        }
        if (kind < 75) {
            return change(connection, random, 1);
        }
        if (kind < 88) {
            return change(connection, random, 2 + random.nextInt(5));
        }
        if (kind < 94) {
            // a row opened, changed twice and closed in one transaction, beside a change of others
            long id = nextId.getAndIncrement();
            long made = insert(connection, id, random.nextInt(1000));
            made += bump(connection, new long[] {id}, 5);
            made += bump(connection, new long[] {id}, -3);
            made += change(connection, random, 1 + random.nextInt(2));
            return made + delete(connection, id);
        }
        if (kind < 99) {
            return delete(connection, existing(random)) + open(connection, random, 1);
        }
        // a larger transaction: hundreds of rows at once, to every partition (streamed by the slot if large enough)
        long from = existing(random);
        long[] ids = new long[100 + random.nextInt(900)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.max(1, from - i);
        }
        return bump(connection, ids, 1);
    }

    private long open(Connection connection, Random random, int rows) throws SQLException {
        long made = 0;
        for (int i = 0; i < rows; i++) {
            made += insert(connection, nextId.getAndIncrement(), random.nextInt(1000));
        }
        return made;
    }

    private long change(Connection connection, Random random, int rows) throws SQLException {
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = existing(random);
        }
        return bump(connection, ids, random.nextInt(200) - 100);
    }

    /** An id of the last thousand or so opened, most of them still there. */
    private long existing(Random random) {
        long next = nextId.get();
        long from = Math.max(1, next - 1_000);
        return from + (long) (random.nextDouble() * (next - from));
    }

    private long insert(Connection connection, long id, long balance) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (id, balance, version) VALUES (?, ?, 1)")) {
            insert.setLong(1, id);
            insert.setLong(2, balance);
            return insert.executeUpdate();
        }
    }

    private long bump(Connection connection, long[] ids, long amount) throws SQLException {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        Array array = connection.createArrayOf("bigint", boxed);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET balance = balance + ?, version = version + 1 WHERE id = ANY (?)")) {
            update.setLong(1, amount);
            update.setArray(2, array);
            return update.executeUpdate();
        } finally {
            array.free();
        }
    }

    private long delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate();
        }
    }

    private void pause(long total) throws InterruptedException {
        double rate = perSecond;
        if (rate == Double.MAX_VALUE) {
            return;
        }
        long due = started + (long) (total / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread thread : running) {
            thread.join(10_000);
        }
    }
}
