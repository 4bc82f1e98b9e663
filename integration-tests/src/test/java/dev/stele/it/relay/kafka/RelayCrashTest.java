package dev.stele.it.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.demo.Database;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.it.projection.ChildRunner;
import dev.stele.it.relay.RelayFixture;
import dev.stele.projection.Lsn;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a relay in a child JVM at random moments, again and again, while two writers append: every event
 * reaches the topic at least once; an event is published again only if it committed after the position the
 * slot had confirmed when the killed relay's successor started, and again with the same id and bytes; each
 * stream's order holds in the topic.
 *
 * <p>A longer soak: {@code -Dstele.faults.kills=40 -Dstele.faults.events=100000}; {@code -Dstele.faults.seed}
 * repeats a run.
 */
class RelayCrashTest {

    private static final int KILLS = Integer.getInteger("stele.faults.kills", 10);
    private static final long EVENTS = Long.getLong("stele.faults.events", 20_000);
    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());
    private static final int PARTITIONS = 3;
    private static final int STREAMS = 300;

    @Test
    void killedRelaysLoseNothingRepublishOnlyAfterTheConfirmedPositionAndKeepEachStreamsOrder() throws Exception {
        System.out.println("RelayCrashTest seed " + SEED + " (-Dstele.faults.seed=" + SEED + " repeats it)");
        Random random = new Random(SEED);
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            String category = "crash" + ProcessHandle.current().pid();
            String topic = "outbox.event." + category;
            KafkaBroker.createTopic(topic, PARTITIONS);
            AtomicLong appended = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                long writerSeed = random.nextLong();
                Thread writer = new Thread(() -> write(fixture, category, new Random(writerSeed), appended, writing,
                        writerFailure), "it-relay-writer-" + w);
                writers.add(writer);
            }
            Map<Integer, Lsn> confirmedAtStart = new HashMap<>();
            try (TopicLog log = new TopicLog(topic, PARTITIONS)) {
                int run = 0;
                confirmedAtStart.put(run, Lsn.NONE);
                ChildRunner relay = start(fixture, run);
                writers.forEach(Thread::start);
                for (int kill = 0; kill < KILLS; kill++) {
                    Thread.sleep(400 + random.nextInt(1_200));
                    assertThat(relay.kill()).isEqualTo(ChildRunner.KILLED);
                    run++;
                    confirmedAtStart.put(run, confirmedOnceInactive(fixture.slot));
                    relay = start(fixture, run);
                    System.out.println("RelayCrashTest: kill " + (kill + 1) + " after " + appended.get() + " events");
                }
                while (appended.get() < EVENTS && writerFailure.get() == null) {
                    Thread.sleep(100);
                }
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join(60_000);
                }
                assertThat(writerFailure.get()).isNull();
                Map<String, RelayFixture.Stored> stored = fixture.stored();
                boolean all = log.await(Duration.ofSeconds(180), l -> l.distinctIds() >= stored.size());
                relay.stop(Duration.ofSeconds(30));
                assertThat(all).as("every event reached the topic (%s of %s)", log.distinctIds(), stored.size())
                        .isTrue();
                check(log.entries(), stored, confirmedAtStart, run);
            }
        }
    }

    private static void check(List<TopicLog.Entry> entries, Map<String, RelayFixture.Stored> stored,
            Map<Integer, Lsn> confirmedAtStart, int runs) {
        Map<String, TopicLog.Entry> first = new HashMap<>();
        Map<String, List<TopicLog.Entry>> byKey = new HashMap<>();
        int duplicates = 0;
        for (TopicLog.Entry entry : entries) {
            RelayFixture.Stored event = stored.get(entry.id());
            assertThat(event).as("a record of an event that was appended: %s", entry.id()).isNotNull();
            assertThat(entry.key()).isEqualTo(event.streamId());
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
            TopicLog.Entry earlier = first.putIfAbsent(entry.id(), entry);
            if (earlier != null) {
                duplicates++;
                int run = Integer.parseInt(entry.header("test-run"));
                Lsn commit = Lsn.parse(entry.header("test-commit-lsn"));
                // at, not only after: a transaction whose commit record directly follows the last confirmed one's
                // starts where that one ends, which is what was confirmed, and the server sends it again
                assertThat(confirmedAtStart.get(run).isAfter(commit))
                        .as("%s published again by run %s: committed at %s, before the confirmed %s", entry.id(), run,
                                commit, confirmedAtStart.get(run)).isFalse();
                assertThat(entry.value()).as("the same bytes again").isEqualTo(earlier.value());
                assertThat(entry.headers()).containsEntry("eventVersion", earlier.header("eventVersion"));
            }
        }
        assertThat(first.keySet()).as("nothing lost").containsAll(stored.keySet());
        for (Map.Entry<String, List<TopicLog.Entry>> stream : byKey.entrySet()) {
            List<Long> firstSeen = new ArrayList<>();
            for (String id : new LinkedHashSet<>(stream.getValue().stream().map(TopicLog.Entry::id).toList())) {
                firstSeen.add(stored.get(id).version());
            }
            assertThat(firstSeen).as("stream %s in order of first publication", stream.getKey()).isSorted();
            Map<String, List<Long>> perRun = new HashMap<>();
            for (TopicLog.Entry entry : stream.getValue()) {
                perRun.computeIfAbsent(entry.header("test-run"), r -> new ArrayList<>())
                        .add(stored.get(entry.id()).version());
            }
            perRun.forEach((run, versions) -> assertThat(versions)
                    .as("stream %s within run %s", stream.getKey(), run).isSorted());
        }
        System.out.println("RelayCrashTest: " + stored.size() + " events, " + entries.size() + " records, "
                + duplicates + " published again, " + runs + " kills");
        assertThat(runs).isGreaterThanOrEqualTo(KILLS);
    }

    private static ChildRunner start(RelayFixture fixture, int run) throws InterruptedException {
        ChildRunner relay = ChildRunner.start("relay-" + run, RelayProcess.class, List.of(Database.jdbcUrl(),
                fixture.schema, fixture.slot, KafkaBroker.bootstrapServers(), Integer.toString(run)));
        assertThat(relay.await(line -> line.equals("READY"), Duration.ofSeconds(60))).as("relay %s started", run)
                .isTrue();
        return relay;
    }

    /** The slot's confirmed position once no relay holds it any more (the killed one's walsender has ended). */
    private static Lsn confirmedOnceInactive(String slot) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT active, confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (!rows.getBoolean(1) || System.nanoTime() > deadline) {
                        return Lsn.parse(rows.getString(2));
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /** Appends deposits of 1 to 12 events to random streams until told to stop. */
    private static void write(RelayFixture fixture, String category, Random random, AtomicLong appended,
            AtomicBoolean writing, AtomicReference<Throwable> failure) {
        try {
            while (writing.get()) {
                String stream = "s-" + random.nextInt(STREAMS);
                List<Object> events = new ArrayList<>();
                for (int n = 1 + random.nextInt(12); n > 0; n--) {
                    events.add(new MoneyDeposited(stream, random.nextInt(10_000)));
                }
                fixture.store.append(StreamId.of(category, stream), ExpectedVersion.any(), events);
                // paced to spread the events over the kills (about 3 s each); gently on until the kills are over
                Thread.sleep(appended.addAndGet(events.size()) >= EVENTS ? 50 : 12);
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
