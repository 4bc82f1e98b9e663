package dev.stele.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.Publisher;
import dev.stele.relay.RelayStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The outbox relay against Debezium's Outbox Event Router, end to end into a Kafka broker, in one JVM and one run
 * (docs/benchmarks.md, "Outbox relay"). Needs a broker: {@code OutboxRelayBenchBroker} (the {@code bench}
 * profile, {@code src/bench/java}) starts one in this JVM from Kafka's test kit and calls {@link #run}; or
 * {@code --bootstrap=host:port} names one.
 *
 * <p>Sides: {@code relay}, Stele's {@link OutboxRelay} with {@link BenchKafkaPublisher}; {@code debezium},
 * {@link DebeziumOutboxRouter}; and, on request ({@code --sides=relay,kafkapublisher,debezium}),
 * {@code kafkapublisher}, the relay with stele-kafka's {@code KafkaPublisher}. Both produce through a {@link KafkaProducer} with {@link #producerSettings}, to
 * the same topic {@code outbox.event.<category>}, and count an event when the broker acknowledged it.
 *
 * <p>Scenarios (both by default):
 * <ul>
 *   <li>{@code throughput}: a store in a fresh schema ({@link OutboxMode#TABLE}), a slot for each side made
 *       (the relay's by starting and closing a relay, Debezium's with its publication), then {@code events}
 *       appended in transactions of {@code per-transaction}; then each side in turn (order rotated by round)
 *       drains its slot: events per second from the side's start to the broker's acknowledgement of the last
 *       event; also from the first acknowledgement to the last (start-up excluded), and CPU per event by thread
 *       group and server process ({@link CpuMeter}: the broker runs in this JVM and is counted too). The first
 *       {@code warmup-rounds} rounds (default 1) warm up and are not recorded.</li>
 *   <li>{@code latency}: a side running on a fresh slot, a warm-up, then a paced writer appends {@code rate}
 *       events/s in transactions of {@code latency-per-transaction} for {@code latency-seconds}; each event's
 *       latency is from its append's return (its commit) to the broker's acknowledgement, the first
 *       {@code latency-warmup-seconds} not counted.</li>
 * </ul>
 * {@code --messages=1} makes the store write its outbox as logical decoding messages ({@link OutboxMode#MESSAGES})
 * instead of table rows: relay sides only, since the router does not route messages.
 *
 * <p>Like {@link ProjectionBench}, the harness turns {@code synchronous_commit} on for its sessions on the embedded
 * server (zonky turns it off; off, the WAL reaches a WAL sender only every {@code wal_writer_delay}); fsync stays
 * off.
 */
public final class OutboxRelayBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger TRIALS = new AtomicInteger();

    private final Settings settings;
    private final String bootstrap;
    private final Map<String, List<Double>> results = new LinkedHashMap<>();
    private final StringBuilder log = new StringBuilder();
    private final Catalog catalog = Catalog.load();
    private final DataSource dataSource = Database.dataSource();
    private CpuMeter cpu;

    private OutboxRelayBench(Settings settings, String bootstrap) {
        this.settings = settings;
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--bootstrap=")) {
                bootstrap = arg.substring("--bootstrap=".length());
            } else {
                rest.add(arg);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("no broker: give --bootstrap=host:port, or run OutboxRelayBenchBroker"
                    + " (mvn -Pbench), which starts one in this JVM");
        }
        run(bootstrap, "external " + bootstrap, rest.toArray(String[]::new));
        System.exit(0); // Debezium, Kafka and pool threads are not all daemons
    }

    /** Runs the scenarios against the broker at {@code bootstrap}; the caller exits the JVM (threads remain). */
    public static void run(String bootstrap, String brokerDescription, String[] args) throws Exception {
        OutboxRelayBench bench = new OutboxRelayBench(Settings.parse(args), bootstrap);
        bench.describe(brokerDescription);
        for (String scenario : bench.settings.scenarios) {
            switch (scenario) {
                case "throughput" -> bench.throughput();
                case "latency" -> bench.latency();
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        bench.summarise();
        Path out = Path.of("target", "outbox-relay-bench-" + LocalDateTime.now().withNano(0).toString()
                .replace(':', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, bench.log);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** The producer both sides use: idempotent, {@code acks=all}, byte arrays; otherwise Kafka 4's defaults. */
    Map<String, Object> producerSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return settings;
    }

    /** The relay's publisher: the one line to change for {@code dev.stele.kafka.KafkaPublisher}. */
    static Publisher relayPublisher(KafkaProducer<byte[], byte[]> producer, OutboxAcks acks) {
        return new BenchKafkaPublisher(producer, acks);
    }

    // scenarios

    private void throughput() throws Exception {
        print("");
        print("## throughput: %,d events in transactions of %d, appended, then each side drains its slot into the"
                + " broker (start → last acknowledgement)", settings.events, settings.perTransaction);
        for (int round = 0; round < settings.warmupRounds + settings.rounds; round++) {
            boolean measured = round >= settings.warmupRounds;
            try (Trial trial = new Trial(settings.sides)) {
                long appendStart = System.nanoTime();
                append(trial, "t", settings.events, settings.perTransaction, null);
                double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
                print("round %d%s: appended in %.2f s (%,.0f events/s); load %s", round, measured ? "" : " (warm-up)",
                        appendSeconds, settings.events / appendSeconds, load());
                Map<String, Double> rates = new LinkedHashMap<>();
                Map<String, Double> streaming = new LinkedHashMap<>();
                for (String side : rotated(settings.sides, round)) {
                    OutboxAcks acks = new OutboxAcks(null);
                    try (KafkaProducer<byte[], byte[]> producer = producer(trial)) {
                        Map<String, Long> before = cpu.snapshot();
                        long start = System.nanoTime();
                        try (Side running = start(side, trial, producer, acks)) {
                            await(acks, settings.events, running, side);
                            Map<String, Long> after = cpu.snapshot();
                            double total = (acks.lastNanos() - start) / 1e9;
                            double first = (acks.firstNanos() - start) / 1e9;
                            double rate = settings.events / total;
                            double flow = (settings.events - 1) / ((acks.lastNanos() - acks.firstNanos()) / 1e9);
                            Thread.sleep(300);
                            Fixtures.check(acks.count() == settings.events, side + ": " + acks.count()
                                    + " acknowledgements for " + settings.events + " events");
                            rates.put(side, rate);
                            streaming.put(side, flow);
                            print("  %-9s %,8.0f events/s from start (%.2f s; first acknowledgement after %.2f s),"
                                    + " %,8.0f events/s first to last; %s", side, rate, total, first, flow,
                                    CpuMeter.perThousand(before, after, settings.events));
                            if (measured) {
                                record("throughput " + side + " from start (events/s)", rate);
                                record("throughput " + side + " first to last ack (events/s)", flow);
                                record("CPU " + side + " (ms per 1,000 events)",
                                        CpuMeter.total(before, after, settings.events));
                            }
                        }
                    }
                }
                if (measured && rates.containsKey("debezium")) {
                    for (String side : settings.sides) {
                        if (!side.equals("debezium")) {
                            double ratio = rates.get(side) / rates.get("debezium");
                            double flowRatio = streaming.get(side) / streaming.get("debezium");
                            print("  %s/debezium: %.2fx from start, %.2fx first to last", side, ratio, flowRatio);
                            record("ratio " + side + "/debezium from start", ratio);
                            record("ratio " + side + "/debezium first to last ack", flowRatio);
                        }
                    }
                }
            }
        }
    }

    private void latency() throws Exception {
        print("");
        int perTransaction = settings.latencyPerTransaction;
        long period = Math.round(perTransaction * 1e9 / settings.rate);
        int transactions = settings.rate * settings.latencySeconds / perTransaction;
        print("## latency: %,d events/s for %d s (transactions of %d every %.1f ms), append return → broker"
                + " acknowledgement; the first %d s not counted", settings.rate, settings.latencySeconds, perTransaction,
                period / 1e6, settings.latencyWarmupSeconds);
        for (int round = 0; round < settings.latencyRounds; round++) {
            for (String side : rotated(settings.sides, round)) {
                LatencyRecorder latencies = new LatencyRecorder();
                OutboxAcks acks = new OutboxAcks(latencies);
                try (Trial trial = new Trial(List.of(side));
                        KafkaProducer<byte[], byte[]> producer = producer(trial);
                        Side running = start(side, trial, producer, acks)) {
                    int warmup = settings.warmupEvents;
                    append(trial, "w", warmup, settings.perTransaction, null);
                    await(acks, warmup, running, side + " warm-up");
                    long start = System.nanoTime();
                    int late = 0;
                    for (int k = 0; k < transactions; k++) {
                        long due = start + k * period;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                        if (now - due > period) {
                            late++;
                        }
                        List<String> ids = appendTransaction(trial, "l-" + k, perTransaction);
                        long returned = System.nanoTime();
                        for (String id : ids) {
                            latencies.appended(id, returned);
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    await(acks, warmup + (long) transactions * perTransaction, running, side + " latency");
                    Thread.sleep(300);
                    Fixtures.check(acks.count() == warmup + (long) transactions * perTransaction,
                            side + ": every event acknowledged once");
                    LatencyRecorder.Summary summary = latencies.summary(start
                            + TimeUnit.SECONDS.toNanos(settings.latencyWarmupSeconds));
                    print("round %d %-9s %s; writer %,.0f events/s, %d of %d transactions started over %.0f ms late;"
                            + " load %s", round, side, summary, transactions * perTransaction / seconds, late,
                            transactions, period / 1e6, load());
                    print("        events over 50 ms by second of the run: %s", latencies.slowBySecond(start, 50));
                    Fixtures.check(summary.missing() == 0, side + " acknowledged every event");
                    record("latency " + side + " p50 (ms)", summary.p50());
                    record("latency " + side + " p99 (ms)", summary.p99());
                    record("latency " + side + " max (ms)", summary.max());
                }
            }
        }
    }

    // the parts

    /** A running side: the relay or the Debezium engine, stopped by {@link #close()}. */
    private interface Side extends AutoCloseable {
        Throwable failure();
    }

    private Side start(String side, Trial trial, KafkaProducer<byte[], byte[]> producer, OutboxAcks acks) {
        switch (side) {
            case "relay" -> {
                OutboxRelay relay = trial.relay(side, relayPublisher(producer, acks));
                relay.start();
                return new Side() {
                    @Override
                    public Throwable failure() {
                        return relay.status().state() == RelayStatus.State.FAILED
                                ? relay.status().problem().orElse(new IllegalStateException("failed")) : null;
                    }

                    @Override
                    public void close() {
                        relay.close();
                    }
                };
            }
            case "kafkapublisher" -> {
                // stele-kafka's KafkaPublisher (on main since this harness was written), its own producer from the
                // same settings; each acknowledgement counted as BenchKafkaPublisher counts it
                KafkaPublisher kafka = KafkaPublisher.builder(producerSettings()).build();
                Publisher counted = new Publisher() {
                    @Override
                    public CompletionStage<?> publish(OutboxRecord record) {
                        String id = record.id().toString();
                        return kafka.publish(record).whenComplete((metadata, failure) -> {
                            if (failure != null) {
                                acks.failed(failure);
                            } else {
                                acks.acknowledged(id);
                            }
                        });
                    }

                    @Override
                    public void recover() {
                        kafka.recover();
                    }

                    @Override
                    public void close() {
                        kafka.close();
                    }
                };
                OutboxRelay relay = trial.relay(side, counted);
                relay.start();
                return new Side() {
                    @Override
                    public Throwable failure() {
                        return relay.status().state() == RelayStatus.State.FAILED
                                ? relay.status().problem().orElse(new IllegalStateException("failed")) : null;
                    }

                    @Override
                    public void close() {
                        relay.close();
                    }
                };
            }
            case "debezium" -> {
                DebeziumOutboxRouter router = new DebeziumOutboxRouter("bench-" + trial.debeziumSlot,
                        trial.debeziumSlot, trial.debeziumSlot, trial.schema + ".stele_outbox", producer, acks);
                router.start();
                return new Side() {
                    @Override
                    public Throwable failure() {
                        return router.failure();
                    }

                    @Override
                    public void close() throws Exception {
                        router.close();
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown side " + side
                    + "; known: relay, kafkapublisher, debezium");
        }
    }

    private static void await(OutboxAcks acks, long count, Side side, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long checked = System.nanoTime();
        while (acks.count() < count) {
            Fixtures.check(acks.failure() == null, what + ": the broker refused a record: " + acks.failure());
            Fixtures.check(System.nanoTime() < deadline, what + ": " + acks.count() + " of " + count + " in " + TIMEOUT);
            if (System.nanoTime() - checked > TimeUnit.SECONDS.toNanos(1)) {
                Throwable failure = side.failure();
                if (failure != null) {
                    throw new IllegalStateException(what + " failed after " + acks.count() + " acknowledgements",
                            failure);
                }
                checked = System.nanoTime();
            }
            Thread.sleep(1);
        }
    }

    /** A producer with {@link #producerSettings}, its metadata for the trial's topic fetched before it is timed. */
    private KafkaProducer<byte[], byte[]> producer(Trial trial) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings());
        Fixtures.check(producer.partitionsFor(trial.topic()).size() == settings.partitions, "the topic's partitions");
        return producer;
    }

    private void append(Trial trial, String prefix, int events, int perTransaction, List<String> ids) {
        for (int k = 0; k * perTransaction < events; k++) {
            List<String> written = appendTransaction(trial, prefix + "-" + k, Math.min(perTransaction,
                    events - k * perTransaction));
            if (ids != null) {
                ids.addAll(written);
            }
        }
    }

    /** One transaction of {@code count} events on a new stream; their event ids. */
    private List<String> appendTransaction(Trial trial, String stream, int count) {
        Object event = Fixtures.orderWithThreeLines(stream);
        List<NewEvent> events = new ArrayList<>(count);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            events.add(new NewEvent(id, event, EventMetadata.empty()));
            ids.add(id.toString());
        }
        trial.store.append(StreamId.of(trial.category, stream), ExpectedVersion.noStream(), events);
        return ids;
    }

    /**
     * A store in a schema of its own with the outbox table, the topic of its category, and a slot for each side
     * named, made before anything is appended; all dropped again on close.
     */
    private final class Trial implements AutoCloseable {

        final String schema;
        final String category;
        /** The slot of each relay side (relay, kafkapublisher): each drains a slot of its own. */
        final Map<String, String> relaySlots = new LinkedHashMap<>();
        final String debeziumSlot;
        final EventStoreOptions options;
        final EventStore store;

        Trial(List<String> sides) throws Exception {
            String tag = ProcessHandle.current().pid() + "_" + TRIALS.incrementAndGet();
            schema = "bench_relay_" + tag;
            category = "bench" + tag.replace('_', 'x');
            for (String side : sides) {
                if (!side.equals("debezium")) {
                    relaySlots.put(side, "bench_" + (side.equals("relay") ? "relay" : "kp") + "_" + tag);
                }
            }
            debeziumSlot = sides.contains("debezium") ? "bench_dbz_" + tag : null;
            options = EventStoreOptions.defaults().withSchema(schema)
                    .withOutbox(settings.messages ? OutboxMode.MESSAGES : OutboxMode.TABLE);
            Fixtures.check(!settings.messages || debeziumSlot == null, "Debezium's Outbox Event Router does not route"
                    + " logical decoding messages: --messages=1 only with relay sides");
            store = EventStore.create(dataSource, catalog, options);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic(), settings.partitions, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            for (String side : relaySlots.keySet()) {
                // the relay makes its publication and slot on start; nothing is appended yet, so nothing published
                try (OutboxRelay relay = relay(side, Publisher.synchronous(record -> {
                    throw new IllegalStateException("nothing was appended yet");
                }))) {
                    relay.start();
                }
            }
            if (debeziumSlot != null) {
                // as the relay's: the outbox's inserts only (its rows are deleted in the same transaction)
                execute("CREATE PUBLICATION " + debeziumSlot + " FOR TABLE " + schema + ".stele_outbox"
                        + " WITH (publish = 'insert')");
                execute("SELECT pg_create_logical_replication_slot('" + debeziumSlot + "', 'pgoutput')");
            }
        }

        String topic() {
            return "outbox.event." + category;
        }

        OutboxRelay relay(String side, Publisher publisher) {
            return OutboxRelay.builder(store, ReplicationConnection.of(Database.jdbcUrl())).slot(relaySlots.get(side))
                    .publisher(publisher).heartbeatInterval(Duration.ZERO).build();
        }

        @Override
        public void close() throws Exception {
            for (String slot : relaySlots.values()) {
                OutboxRelay.forgetSlot(dataSource, options, slot);
                execute("DROP PUBLICATION IF EXISTS " + slot);
            }
            if (debeziumSlot != null) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + debeziumSlot
                        + "' AND active") > 0) {
                    Fixtures.check(System.nanoTime() < deadline, "slot " + debeziumSlot + " released within 15 s");
                    Thread.sleep(50);
                }
                execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                        + debeziumSlot + "'");
                execute("DROP PUBLICATION IF EXISTS " + debeziumSlot);
            }
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // output

    private void describe(String broker) throws SQLException {
        if (settings.synchronousCommit && Database.describe().startsWith("embedded")) {
            // as ProjectionBench: zonky passes synchronous_commit=off on the command line; a role's setting wins
            // for sessions that start after it, so the pool's connections are replaced
            execute("ALTER ROLE CURRENT_USER SET synchronous_commit = 'on'");
            ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
        }
        cpu = new CpuMeter();
        print("# Outbox relay benchmarks, %s", LocalDateTime.now().withNano(0));
        print("settings: %s", settings);
        print("machine: %d cores, Java %s, max heap %d MiB, load average %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, load());
        print("broker: %s; producer: %s", broker, producerSettings());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version(), current_setting('fsync'),"
                        + " current_setting('synchronous_commit'), current_setting('wal_level')")) {
            rows.next();
            print("server: %s; %s; fsync=%s, synchronous_commit=%s, wal_level=%s",
                    rows.getString(1).replaceAll(" on .*", ""), Database.describe(), rows.getString(2),
                    rows.getString(3), rows.getString(4));
        }
    }

    private void print(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private void record(String name, double value) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private void summarise() {
        print("");
        print("## Summary (medians of the measured rounds; min-max; every value)");
        for (Map.Entry<String, List<Double>> entry : results.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(null);
            StringBuilder all = new StringBuilder();
            for (double value : entry.getValue()) {
                all.append(all.length() == 0 ? "" : ", ").append(String.format(value >= 100 ? "%.0f" : "%.2f", value));
            }
            print("%-52s %12.2f   (%.2f-%.2f)   %s", entry.getKey(), ProjectionBench.median(entry.getValue()),
                    sorted.get(0), sorted.get(sorted.size() - 1), all);
        }
        print("load average at the end: %s", load());
    }

    private static String load() {
        return ProjectionBench.load();
    }

    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        Collections.rotate(order, -round);
        return order;
    }

    /** Command-line settings: {@code --name=value}, {@code --sides=relay,debezium} and scenario names. */
    record Settings(int events, int perTransaction, int rounds, int partitions, int rate, int latencyPerTransaction,
            int latencySeconds, int latencyWarmupSeconds, int latencyRounds, int warmupEvents, int warmupRounds,
            boolean synchronousCommit, boolean messages, List<String> sides, List<String> scenarios) {

        static Settings parse(String[] args) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            numbers.put("events", 20_000);
            numbers.put("per-transaction", 10);
            numbers.put("rounds", 3);
            numbers.put("partitions", 3);
            numbers.put("rate", 500);
            numbers.put("latency-per-transaction", 10);
            numbers.put("latency-seconds", 20);
            numbers.put("latency-warmup-seconds", 5);
            numbers.put("latency-rounds", 1);
            numbers.put("warmup-events", 5_000);
            numbers.put("warmup-rounds", 1);
            numbers.put("synchronous-commit", 1);
            numbers.put("messages", 0);
            Set<String> scenarios = new LinkedHashSet<>();
            List<String> sides = List.of("relay", "debezium");
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.startsWith("--sides=")) {
                    sides = List.of(arg.substring("--sides=".length()).split(","));
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
                scenarios.addAll(List.of("throughput", "latency"));
            }
            return new Settings(numbers.get("events"), numbers.get("per-transaction"), numbers.get("rounds"),
                    numbers.get("partitions"), numbers.get("rate"), numbers.get("latency-per-transaction"),
                    numbers.get("latency-seconds"), numbers.get("latency-warmup-seconds"),
                    numbers.get("latency-rounds"), numbers.get("warmup-events"), numbers.get("warmup-rounds"),
                    numbers.get("synchronous-commit") != 0, numbers.get("messages") != 0, sides, List.copyOf(scenarios));
        }
    }
}
