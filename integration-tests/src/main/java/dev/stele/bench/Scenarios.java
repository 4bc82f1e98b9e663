package dev.stele.bench;

import dev.stele.demo.Database;
import dev.stele.replication.CatchUpProgress;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** The measurements of {@link ProjectionBench}; round 0 of each is a warm-up and is not recorded. */
final class Scenarios {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ProjectionBench bench;
    private final ProjectionBench.Settings settings;
    private final CpuMeter cpu;

    Scenarios(ProjectionBench bench) throws SQLException {
        this.bench = bench;
        this.settings = bench.settings;
        this.cpu = new CpuMeter();
    }

    /** Waits for the first event a reader counts, then takes a CPU snapshot: start-up is not counted. */
    private java.util.Map<String, Long> snapshotAtFirstEvent(ChangeReader reader, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (reader.progress().count() == 0 && reader.firstHandledNanos() == 0) {
            if (reader.failure() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": no event came", reader.failure());
            }
            Thread.sleep(1);
        }
        return cpu.snapshot();
    }

    /** The no-op projection's reader, or a baseline's on a slot and publication made beforehand. */
    private ChangeReader reader(String kind, BenchSchema schema, LatencyRecorder latencies) throws SQLException {
        if (kind.equals("stele")) {
            Progress calls = new Progress();
            return RunnerReader.of(schema, new NoOpProjectionType("noop", Workload.ALL_TYPES),
                    new NoOpProjection(calls, latencies), 1, calls, latencies);
        }
        schema.createSlotAndPublication();
        return kind.equals("debezium") ? new DebeziumReader(schema, latencies) : new RawPgOutputReader(schema);
    }

    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        java.util.Collections.rotate(order, -round);
        return order;
    }

    /**
     * 1a. Commit to handler, live: the reader runs, a warm-up is handled, then {@code events} are appended
     * in transactions of {@code perTransaction}; from the first append to the last event handled.
     */
    void live() throws Exception {
        bench.print("");
        bench.print("## live: %,d events appended in transactions of %d while the reader runs; first append to last"
                + " event handled", settings.events(), settings.perTransaction());
        for (int round = 0; round <= settings.rounds(); round++) {
            for (String kind : rotated(settings.readers(), round)) {
                try (BenchSchema schema = new BenchSchema("live"); ChangeReader reader = reader(kind, schema, null)) {
                    reader.start();
                    reader.expect(settings.warmup());
                    schema.workload.append("w", settings.warmup(), settings.perTransaction());
                    reader.await(TIMEOUT, kind + " warm-up");
                    reader.progress().checkExact(kind + " warm-up");
                    reader.expect(settings.events());
                    var before = cpu.snapshot();
                    long start = System.nanoTime();
                    schema.workload.append("m", settings.events(), settings.perTransaction());
                    long written = System.nanoTime();
                    reader.await(TIMEOUT, kind + " live");
                    long done = reader.progress().reachedNanos();
                    var after = cpu.snapshot();
                    reader.progress().checkExact(kind + " live");
                    double rate = settings.events() / ((done - start) / 1e9);
                    double writer = settings.events() / ((written - start) / 1e9);
                    bench.print("round %d %-9s %,9.0f events/s end to end; writer alone %,9.0f events/s; last event"
                            + " %,6.0f ms after the last append returned; load %s", round, kind, rate, writer,
                            (done - written) / 1e6, ProjectionBench.load());
                    bench.print("        %s", CpuMeter.perThousand(before, after, settings.events()));
                    if (round > 0) {
                        bench.record("live " + kind + " (events/s)", rate);
                        bench.record("live " + kind + " CPU, writer and server included (ms/1,000 events)",
                                CpuMeter.total(before, after, settings.events()));
                        bench.record("live writer during " + kind + " (events/s)", writer);
                    }
                }
            }
        }
    }

    /**
     * 1b. Commit to handler, backlog: {@code events} are appended while no reader runs (the runner's
     * projection registered before); then the reader starts. From the first event handed to a handler to
     * the last one handled, so start-up (Debezium's takes about a second) is not counted.
     */
    void drain() throws Exception {
        bench.print("");
        bench.print("## drain: %,d events waiting in the slot; first event handled to last", settings.events());
        for (int round = 0; round <= settings.rounds(); round++) {
            for (String kind : rotated(settings.readers(), round)) {
                try (BenchSchema schema = new BenchSchema("drain")) {
                    if (kind.equals("stele")) {
                        try (ChangeReader register = reader(kind, schema, null)) {
                            register.start(); // registers the projection on an empty table; its checkpoint is here
                        }
                    } else {
                        schema.createSlotAndPublication();
                    }
                    schema.workload.append("m", settings.events(), settings.perTransaction());
                    try (ChangeReader reader = kind.equals("stele") ? reader(kind, schema, null)
                            : readerOnExistingSlot(kind, schema)) {
                        reader.expect(settings.events());
                        reader.start();
                        var before = snapshotAtFirstEvent(reader, kind + " drain");
                        reader.await(TIMEOUT, kind + " drain");
                        var after = cpu.snapshot();
                        double seconds = (reader.progress().reachedNanos() - reader.firstHandledNanos()) / 1e9;
                        reader.progress().checkExact(kind + " drain");
                        double rate = settings.events() / seconds;
                        bench.print("round %d %-9s %,9.0f events/s (%.2f s); load %s", round, kind, rate, seconds,
                                ProjectionBench.load());
                        bench.print("        %s", CpuMeter.perThousand(before, after, settings.events()));
                        if (round > 0) {
                            bench.record("drain " + kind + " (events/s)", rate);
                            bench.record("drain " + kind + " CPU, server included (ms/1,000 events)",
                                    CpuMeter.total(before, after, settings.events()));
                        }
                    }
                }
            }
        }
    }

    private ChangeReader readerOnExistingSlot(String kind, BenchSchema schema) throws SQLException {
        return kind.equals("debezium") ? new DebeziumReader(schema, null) : new RawPgOutputReader(schema);
    }

    /** 2. A projection writing one upsert per event, 1 and 4 partitions, from a backlog as in {@link #drain}. */
    void upsert() throws Exception {
        bench.print("");
        bench.print("## upsert: one upsert per event, %,d events waiting in the slot; first event handled to last"
                + " committed", settings.upsertEvents());
        for (int round = 0; round <= settings.rounds(); round++) {
            for (int partitions : rotated(List.of(1, 4), round)) {
                try (BenchSchema schema = new BenchSchema("upsert")) {
                    Progress calls = new Progress();
                    OrderSummaries summaries = new OrderSummaries(schema.name, calls);
                    try (Connection connection = Database.dataSource().getConnection()) {
                        summaries.createTable(connection);
                    }
                    try (RunnerReader<OrderSummaries> register = RunnerReader.of(schema, new OrderSummariesType(),
                            summaries, partitions, calls, null)) {
                        register.start();
                    }
                    schema.workload.append("m", settings.upsertEvents(), settings.perTransaction());
                    try (RunnerReader<OrderSummaries> reader = RunnerReader.of(schema, new OrderSummariesType(),
                            summaries, partitions, calls, null)) {
                        reader.expect(settings.upsertEvents());
                        reader.start();
                        var before = snapshotAtFirstEvent(reader, "upsert " + partitions);
                        reader.await(TIMEOUT, "upsert " + partitions);
                        var after = cpu.snapshot();
                        double seconds = (reader.progress().reachedNanos() - reader.firstHandledNanos()) / 1e9;
                        reader.progress().checkExact("upsert " + partitions);
                        try (Connection connection = Database.dataSource().getConnection()) {
                            Fixtures.check(summaries.events(connection) == settings.upsertEvents(),
                                    "the summaries count every event once");
                        }
                        double rate = settings.upsertEvents() / seconds;
                        bench.print("round %d %d partition(s) %,9.0f events/s (%.2f s); load %s", round, partitions,
                                rate, seconds, ProjectionBench.load());
                        bench.print("        %s", CpuMeter.perThousand(before, after, settings.upsertEvents()));
                        if (round > 0) {
                            bench.record("upsert " + partitions + " partition(s) (events/s)", rate);
                        }
                    }
                }
            }
        }
    }

    /**
     * 3. Latency at a fixed rate: a writer appends transactions of {@code latencyPerTransaction} events on a
     * fixed schedule ({@code rate} events/s); per event, from its append's return to its handling (see
     * {@link LatencyRecorder}); the first {@code latencyWarmupSeconds} are not counted.
     */
    void latency() throws Exception {
        bench.print("");
        int perTransaction = settings.latencyPerTransaction();
        long period = Math.round(perTransaction * 1e9 / settings.rate());
        int transactions = settings.rate() * settings.latencySeconds() / perTransaction;
        bench.print("## latency: %,d events/s for %d s (transactions of %d every %.1f ms); append return to handled"
                + " (runner: its checkpoint commit)", settings.rate(), settings.latencySeconds(), perTransaction,
                period / 1e6);
        for (int round = 0; round < settings.latencyRounds(); round++) {
            for (String kind : rotated(settings.readers().stream().filter(r -> !r.equals("raw")).toList(), round)) {
                LatencyRecorder latencies = new LatencyRecorder();
                try (BenchSchema schema = new BenchSchema("latency");
                        ChangeReader reader = reader(kind, schema, latencies)) {
                    reader.start();
                    reader.expect(settings.warmup());
                    schema.workload.append("w", settings.warmup(), settings.perTransaction());
                    reader.await(TIMEOUT, kind + " warm-up");
                    reader.expect((long) transactions * perTransaction);
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
                        String stream = "l-" + k;
                        schema.workload.appendTransaction(stream, perTransaction);
                        long returned = System.nanoTime();
                        for (int version = 1; version <= perTransaction; version++) {
                            latencies.appended(LatencyRecorder.key(stream, version), returned);
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    reader.await(TIMEOUT, kind + " latency");
                    reader.progress().checkExact(kind + " latency");
                    LatencyRecorder.Summary summary = latencies.summary(start + settings.latencyWarmupSeconds()
                            * 1_000_000_000L);
                    bench.print("round %d %-9s %s; writer %,.0f events/s, %d of %d transactions started over %.0f ms"
                            + " late; load %s", round, kind, summary, transactions * perTransaction / seconds, late,
                            transactions, period / 1e6, ProjectionBench.load());
                    bench.print("        events over 20 ms by second of the run: %s", latencies.slowBySecond(start, 20));
                    Fixtures.check(summary.missing() == 0, kind + " handled every event");
                    bench.record("latency " + kind + " p50 (ms)", summary.p50());
                    bench.record("latency " + kind + " p99 (ms)", summary.p99());
                    bench.record("latency " + kind + " p99.9 (ms)", summary.p999());
                    bench.record("latency " + kind + " max (ms)", summary.max());
                }
            }
        }
    }

    /**
     * 4. Catch-up from the table: a new projection handling half the event types reads {@code catchUpEvents}
     * events (so half of them) from the events table, against a raw JDBC read of the same rows.
     */
    void catchUp() throws Exception {
        bench.print("");
        int expected = Workload.countOf(Workload.HALF_TYPES, settings.catchUpEvents(), settings.perTransaction());
        bench.print("## catchup: a new projection handling %s of %,d events (%,d rows), catch-up start to reading"
                + " the slot, against one streaming SELECT of the same rows", Workload.HALF_TYPES,
                settings.catchUpEvents(), expected);
        try (BenchSchema schema = new BenchSchema("catchup")) {
            schema.workload.append("c", settings.catchUpEvents(), settings.perTransaction());
            schema.analyze();
            for (int round = 0; round <= settings.rounds(); round++) {
                for (String side : rotated(List.of("raw", "stele"), round)) {
                    double rate;
                    if (side.equals("raw")) {
                        long start = System.nanoTime();
                        long rows = rawRead(schema);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        Fixtures.check(rows == expected, "the raw read finds " + rows + " rows, expected " + expected);
                        rate = rows / seconds;
                    } else {
                        Progress calls = new Progress();
                        calls.expect(expected);
                        try (RunnerReader<NoOpProjection> reader = RunnerReader.of(schema,
                                new NoOpProjectionType("catchup_" + round, Workload.HALF_TYPES),
                                new NoOpProjection(calls, null), 1, calls, null)) {
                            reader.start();
                            Fixtures.check(reader.caughtUp(), "the runner caught up from the table");
                            Fixtures.check(calls.count() == expected, "the catch-up handled " + calls.count()
                                    + " events, expected " + expected);
                            rate = expected / (reader.catchUpNanos() / 1e9);
                        }
                    }
                    bench.print("round %d %-6s %,9.0f events/s; load %s", round, side, rate, ProjectionBench.load());
                    if (round > 0) {
                        bench.record("catchup " + side + " (events/s)", rate);
                    }
                }
            }
        }
    }

    /**
     * 5. A rebuild beside a live session: a writer appends {@code rebuildRate} events/s throughout; version 1 of
     * projection {@code orders} (every type) runs live on the slot; a new version handling half the types catches
     * up from the table beside it ({@link BesideRunner}), against one streaming {@code SELECT} of the same rows
     * (those names, up to the last position at the read's start) run while version 1 runs alone on a runner and
     * the writer goes on, so both sides share the machine with the same live session. A new version per round.
     */
    void rebuild() throws Exception {
        bench.print("");
        int perTransaction = settings.latencyPerTransaction();
        bench.print("## rebuild: a new version of a live projection, handling %s, catches up beside the session from"
                + " %,d events and what a writer adds at %,d events/s (transactions of %d); session start to its last"
                + " row applied, against one streaming SELECT of the same rows beside the same live session",
                Workload.HALF_TYPES, settings.catchUpEvents(), settings.rebuildRate(), perTransaction);
        try (BenchSchema schema = new BenchSchema("rebuild")) {
            schema.workload.append("c", settings.catchUpEvents(), settings.perTransaction());
            schema.analyze();
            try (BesideRunner first = new BesideRunner(schema, 0)) {
                first.start(); // version 1 catches up from the table and reads the slot: the live projection
            }
            int version = 2;
            try (PacedWriter writer = PacedWriter.start(schema.workload, settings.rebuildRate(), perTransaction)) {
                for (int round = 0; round <= settings.rounds(); round++) {
                    for (String side : rotated(List.of("raw", "stele"), round)) {
                        long appendedBefore = writer.appended();
                        double rate;
                        String detail;
                        if (side.equals("raw")) {
                            try (BesideRunner live = new BesideRunner(schema, 0)) {
                                live.start();
                                long bound = lastPosition(schema);
                                long start = System.nanoTime();
                                long rows = rawRead(schema, bound);
                                double seconds = (System.nanoTime() - start) / 1e9;
                                rate = rows / seconds;
                                detail = String.format("%,d rows up to position %,d in %.2f s", rows, bound, seconds);
                            }
                        } else {
                            try (BesideRunner runner = new BesideRunner(schema, version++)) {
                                runner.start();
                                runner.awaitCaughtUp(TIMEOUT);
                                CatchUpProgress progress = runner.lastProgress();
                                long rows = progress.total();
                                Fixtures.check(progress.done() == rows && runner.rebuildHandlerCalls() == rows,
                                        "the catch-up applied " + progress.done() + " rows in "
                                                + runner.rebuildHandlerCalls() + " handler calls, expected " + rows);
                                double seconds = runner.catchUpNanos() / 1e9;
                                rate = rows / seconds;
                                Fixtures.check(runner.liveCommittedDuringCatchUp() > 0,
                                        "version 1 stayed live during the catch-up");
                                detail = String.format("%,d rows in %.2f s (the runtime's own rate: %,.0f/s); version 1"
                                        + " committed %,d events meanwhile, lag up to %d ms", rows,
                                        seconds, progress.eventsPerSecond(), runner.liveCommittedDuringCatchUp(),
                                        runner.liveLagMaxMillis());
                                if (round > 0) {
                                    bench.record("rebuild stele, the runtime's own rate (events/s)",
                                            progress.eventsPerSecond());
                                }
                            }
                        }
                        bench.print("round %d %-6s %,9.0f events/s; %s; writer +%,d events; load %s", round, side,
                                rate, detail, writer.appended() - appendedBefore, ProjectionBench.load());
                        if (round > 0) {
                            bench.record("rebuild " + side + " (events/s)", rate);
                        }
                    }
                }
                bench.print("writer: %,d events in all, %d transactions started over a period late", writer.appended(),
                        writer.late());
            }
        }
    }

    private static long lastPosition(BenchSchema schema) throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT max(global_position) FROM "
                        + schema.eventsTable());
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The rows the catch-up reads, every column the runner reads, in one streaming SELECT. */
    private static long rawRead(BenchSchema schema) throws SQLException {
        return rawRead(schema, -1);
    }

    /** As {@link #rawRead(BenchSchema)}, up to position {@code bound} when it is not negative. */
    private static long rawRead(BenchSchema schema, long bound) throws SQLException {
        long rows = 0;
        long sink = 0;
        try (Connection connection = Database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT global_position, transaction_id::text,"
                    + " event_id, stream_category, stream_id, stream_version, event_name, event_version, payload::text,"
                    + " metadata::text, recorded_at FROM " + schema.eventsTable() + " WHERE event_name = ANY(?)"
                    + (bound < 0 ? "" : " AND global_position <= ?") + " ORDER BY global_position")) {
                Array names = connection.createArrayOf("text", Workload.HALF_TYPES.toArray());
                select.setArray(1, names);
                if (bound >= 0) {
                    select.setLong(2, bound);
                }
                select.setFetchSize(2000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        sink += result.getLong(1);
                        sink += result.getString(2).length();
                        sink += result.getObject(3, java.util.UUID.class).hashCode();
                        sink += result.getString(4).length() + result.getString(5).length();
                        sink += result.getLong(6);
                        sink += result.getString(7).length();
                        sink += result.getInt(8);
                        sink += result.getString(9).length() + result.getString(10).length();
                        sink += result.getTimestamp(11).getNanos();
                        rows++;
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
        return sink == 42 ? -1 : rows;
    }
}
