package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.demo.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction of 1,000,000 events reaches a runner whose JVM has a 256 MB heap: PostgreSQL streams it
 * before it commits (protocol 2 {@code streaming}), the runner keeps its changes on disk until the commit,
 * then applies them through its bounded queue.
 */
class LargeTransactionTest {

    private static final int EVENTS = 1_000_000;

    private Projections projections;
    private Process child;

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        projections.dropSlot();
    }

    @Test
    void aMillionRowTransactionIsAppliedInA256MegabyteHeap() throws Exception {
        projections = new Projections();
        List<String> output = new ArrayList<>();
        child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dstele.jdbc.url=" + Database.jdbcUrl(), "-cp", System.getProperty("java.class.path"),
                CountingRunnerProcess.class.getName(), projections.schema, projections.slot, String.valueOf(EVENTS))
                .redirectErrorStream(true).start();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> read(child, output));
        Projections.await(java.time.Duration.ofSeconds(60), () -> lines(output).contains("state=RUNNING"));
        assertThat(lines(output)).contains("state=RUNNING");

        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO " + projections.schema + ".stele_events (event_id, stream_category, stream_id,"
                    + " stream_version, event_name, event_version, payload) SELECT gen_random_uuid(), 'account',"
                    + " 'big-' || (g % 1000), g / 1000 + 1, 'MoneyDeposited', 1,"
                    + " jsonb_build_object('accountId', 'big-' || (g % 1000), 'amountMinor', g)"
                    + " FROM generate_series(0, " + (EVENTS - 1) + ") g");
        }

        assertThat(child.waitFor(8, TimeUnit.MINUTES)).as("the child finished: %s", tail(output)).isTrue();
        reader.get(10, TimeUnit.SECONDS);
        assertThat(child.exitValue()).as(tail(output)).isZero();
        assertThat(lines(output)).contains("DONE handled=" + EVENTS).doesNotContain("OutOfMemoryError");
        String streamed = Projections.query("SELECT 's', stream_txns::text FROM pg_stat_replication_slots"
                + " WHERE slot_name = '" + projections.slot + "'").get("s");
        assertThat(Long.parseLong(streamed)).as("the server streamed the transaction before its commit").isPositive();
        System.out.println("Largest heap in use seen by the child: " + java.util.regex.Pattern.compile("heap=(\\d+)MB")
                .matcher(lines(output)).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + " MB");
    }

    private static void read(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String lines(List<String> output) {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static String tail(List<String> output) {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size()));
        }
    }
}
