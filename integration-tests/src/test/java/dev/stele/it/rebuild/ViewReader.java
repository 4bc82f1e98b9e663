package dev.stele.it.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A reader of the current read model, as an application reads it: one statement giving the current version and
 * every account's event count. Across reads, an account's count must never go down and an account once seen must
 * never go missing; each time one does, or a read fails, it is a problem.
 */
final class ViewReader implements AutoCloseable {

    private final DataSource dataSource;
    private final String query;
    private final Map<Integer, AtomicLong> readsByVersion = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stopped;

    ViewReader(DataSource dataSource, String query) {
        this.dataSource = dataSource;
        this.query = query;
        this.thread = new Thread(this::read, "it-view-reader");
        this.thread.setDaemon(true);
    }

    ViewReader start() {
        thread.start();
        return this;
    }

    private void read() {
        Map<String, Long> seen = new HashMap<>();
        int lastVersion = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            while (!stopped) {
                Map<String, Long> now = new HashMap<>();
                int version = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        version = rows.getInt(1);
                        now.put(rows.getString(2), rows.getLong(3));
                    }
                } catch (SQLException e) {
                    problems.add("a read failed: " + e.getMessage());
                    continue;
                }
                for (Map.Entry<String, Long> before : seen.entrySet()) {
                    Long count = now.get(before.getKey());
                    if (count == null || count < before.getValue()) {
                        problems.add("account " + before.getKey() + " had " + before.getValue() + " events (version "
                                + lastVersion + "), then " + count + " (version " + version + ")");
                    }
                }
                if (problems.size() > 20) {
                    return;
                }
                seen = now;
                lastVersion = version;
                readsByVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
                Thread.sleep(3);
            }
        } catch (SQLException e) {
            problems.add("the reader's connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            // stopped
        }
    }

    long readsOf(int version) {
        AtomicLong reads = readsByVersion.get(version);
        return reads == null ? 0 : reads.get();
    }

    void awaitReadsOf(int version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readsOf(version) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
