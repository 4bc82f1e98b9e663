package dev.stele.it.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
final class ViewReader extends Poller {

    private final Map<Integer, AtomicLong> readsByVersion = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private Map<String, Long> seen = new HashMap<>();
    private int lastVersion;

    ViewReader(DataSource dataSource, String query) {
        super(dataSource, query, 3, "it-view-reader");
    }

    ViewReader start() {
        begin();
        return this;
    }

    @Override
    boolean read(ResultSet rows) throws SQLException {
        Map<String, Long> now = new HashMap<>();
        int version = 0;
        while (rows.next()) {
            version = rows.getInt(1);
            now.put(rows.getString(2), rows.getLong(3));
        }
        for (Map.Entry<String, Long> before : seen.entrySet()) {
            Long count = now.get(before.getKey());
            if (count == null || count < before.getValue()) {
                problems.add("account " + before.getKey() + " had " + before.getValue() + " events (version "
                        + lastVersion + "), then " + count + " (version " + version + ")");
            }
        }
        seen = now;
        lastVersion = version;
        readsByVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
        return problems.size() <= 20;
    }

    @Override
    void failed(SQLException e) {
        problems.add("a read failed: " + e.getMessage());
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
}
