package dev.stele.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.stele.demo.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projection runner against named baselines, end to end, in one JVM and one run (docs/benchmarks.md,
 * "Projections"): run by {@code mvn -q -DskipTests -Pbench verify -Dbench.jmh.skip=true} with options in
 * {@code -Dprojection.args="--events=100000 live drain"}.
 *
 * <p>Not JMH: each figure is a pipeline across threads and processes (the writer, the server's WAL sender,
 * the reader's threads) measured from one event to another — the first append, the last event handled —
 * or a distribution over events driven by a paced writer. Each trial needs a fresh slot, a fresh schema and
 * a reader started on it, and consumes them; JMH's unit, a method timed on the benchmark thread, would need
 * per-invocation setup and could not time an event that another thread handles. The harness keeps JMH's
 * discipline where it applies: a warm-up round discarded, several rounds, the sides in turns with the order
 * rotated, every trial checked to have handled exactly the events appended.
 *
 * <p>Scenarios (all by default): {@code live}, {@code drain}, {@code upsert}, {@code latency}, {@code catchup},
 * {@code rebuild} (the catch-up of a new version beside a live session, with a writer at {@code --rebuild-rate}).
 */
public final class ProjectionBench {

    final Settings settings;
    final Map<String, List<Double>> results = new LinkedHashMap<>();
    final StringBuilder log = new StringBuilder();

    private ProjectionBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        ProjectionBench bench = new ProjectionBench(settings);
        bench.describeMachine();
        Scenarios scenarios = new Scenarios(bench);
        for (String scenario : settings.scenarios) {
            switch (scenario) {
                case "live" -> scenarios.live();
                case "drain" -> scenarios.drain();
                case "upsert" -> scenarios.upsert();
                case "latency" -> scenarios.latency();
                case "catchup" -> scenarios.catchUp();
                case "rebuild" -> scenarios.rebuild();
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        bench.summarise();
        Path out = Path.of("target", "projection-bench-" + LocalDateTime.now().toString().replace(':', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, bench.log);
        System.out.println("Written to " + out.toAbsolutePath());
        System.exit(0); // Debezium and pool threads are not all daemons
    }

    void print(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    /** A figure of one measured round, under a name. */
    void record(String name, double value) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * zonky starts PostgreSQL with {@code fsync=off} and {@code synchronous_commit=off}. The second would
     * distort every figure here: a commit's WAL reaches a WAL sender only once it is flushed, and without
     * synchronous commit that waits for the WAL writer (every {@code wal_writer_delay}, 200 ms), so every
     * reader would see events up to 200 ms late and in bursts. Production runs with synchronous commit on;
     * so does the harness, on the embedded server it owns ({@code --synchronous-commit=0} keeps zonky's).
     * {@code fsync} stays off: flushing is then a write to the page cache, not to the disk.
     */
    private void configureServer() throws SQLException {
        if (settings.synchronousCommit() && Database.describe().startsWith("embedded")) {
            try (Connection connection = Database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                // zonky passes it on the command line, which ALTER SYSTEM cannot override; a role's setting can,
                // for sessions that start after it: the pool's are replaced
                statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = 'on'");
            }
            ((HikariDataSource) Database.dataSource()).getHikariPoolMXBean().softEvictConnections();
        }
    }

    private void describeMachine() throws SQLException {
        configureServer();
        print("# Projection benchmarks, %s", LocalDateTime.now().withNano(0));
        print("settings: %s", settings);
        print("machine: %d cores, Java %s, max heap %d MiB, load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, load());
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version(), current_setting('fsync'),"
                        + " current_setting('synchronous_commit'), current_setting('wal_level'),"
                        + " current_setting('shared_buffers'), current_setting('logical_decoding_work_mem')")) {
            rows.next();
            print("server: %s; %s; fsync=%s, synchronous_commit=%s, wal_level=%s, shared_buffers=%s,"
                    + " logical_decoding_work_mem=%s", rows.getString(1).replaceAll(" on .*", ""), Database.describe(),
                    rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6));
        }
    }

    private void summarise() {
        print("");
        print("## Summary (medians of the measured rounds; min-max; every value)");
        for (Map.Entry<String, List<Double>> entry : results.entrySet()) {
            List<Double> values = entry.getValue();
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            print("%-58s %12.2f   (%.2f-%.2f)   %s", entry.getKey(), median(values), sorted.get(0),
                    sorted.get(sorted.size() - 1), format(values));
        }
        print("load average at the end: %s", load());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(value >= 100 ? "%.0f" : "%.2f", value));
        }
        return text.toString();
    }

    /** Command-line settings: {@code --name=value} and scenario names. */
    record Settings(int events, int perTransaction, int warmup, int rounds, int upsertEvents, int catchUpEvents,
            int rate, int rebuildRate, int latencyPerTransaction, int latencySeconds, int latencyWarmupSeconds, int latencyRounds,
            boolean synchronousCommit, List<String> readers, List<String> scenarios) {

        static Settings parse(String[] args) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            numbers.put("events", 100_000);
            numbers.put("per-transaction", 50);
            numbers.put("warmup", 5_000);
            numbers.put("rounds", 3);
            numbers.put("upsert-events", 50_000);
            numbers.put("catchup-events", 200_000);
            numbers.put("rate", 2_000);
            numbers.put("rebuild-rate", 1_000);
            numbers.put("latency-per-transaction", 10);
            numbers.put("latency-seconds", 20);
            numbers.put("latency-warmup-seconds", 5);
            numbers.put("latency-rounds", 1);
            numbers.put("synchronous-commit", 1);
            Set<String> scenarios = new LinkedHashSet<>();
            List<String> readers = List.of("stele", "debezium", "raw");
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.startsWith("--readers=")) {
                    readers = List.of(arg.substring("--readers=".length()).split(","));
                } else if (arg.startsWith("--")) {
                    String[] pair = arg.substring(2).split("=", 2);
                    if (!numbers.containsKey(pair[0]) || pair.length != 2) {
                        throw new IllegalArgumentException("unknown option " + arg + "; known: " + numbers.keySet());
                    }
                    numbers.put(pair[0], Integer.parseInt(pair[1].replace("_", "")));
                } else {
                    scenarios.add(arg);
                }
            }
            if (scenarios.isEmpty()) {
                scenarios.addAll(List.of("live", "drain", "upsert", "latency", "catchup", "rebuild"));
            }
            return new Settings(numbers.get("events"), numbers.get("per-transaction"), numbers.get("warmup"),
                    numbers.get("rounds"), numbers.get("upsert-events"), numbers.get("catchup-events"),
                    numbers.get("rate"), numbers.get("rebuild-rate"), numbers.get("latency-per-transaction"), numbers.get("latency-seconds"),
                    numbers.get("latency-warmup-seconds"), numbers.get("latency-rounds"),
                    numbers.get("synchronous-commit") != 0, readers, List.copyOf(scenarios));
        }
    }
}
