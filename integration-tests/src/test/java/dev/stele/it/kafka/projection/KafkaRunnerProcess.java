package dev.stele.it.kafka.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.kafka.KafkaProjectionRunner;
import dev.stele.kafka.KafkaProjectionStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A {@link KafkaProjectionRunner} with {@link KafkaBalances} in a JVM of its own, for the test that kills it
 * ({@code ChildRunner} starts it). Arguments: bootstrap servers, JDBC URL, schema, topic, group, and the
 * {@code application_name} of its connections.
 *
 * <p>Reports on stdout, a line each: {@code READY} once started, {@code HOLDS <partitions>} when what it holds
 * changes, {@code APPLIED <n>} as it applies, {@code STOPPED <poison>} if a partition stopped, {@code FAILED
 * <problem>} if the runner did, {@code CLOSED} at the end. It closes the runner and exits when its stdin ends.
 */
public final class KafkaRunnerProcess {

    private static final PrintStream OUT = System.out;

    private KafkaRunnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setMaximumPoolSize(3);
        config.setPoolName("stele-kafka-child");
        config.addDataSourceProperty("ApplicationName", args.length > 5 ? args[5] : "stele-kafka-child");
        try (HikariDataSource pool = new HikariDataSource(config);
                KafkaProjectionRunner runner = KafkaProjectionRunner.builder(pool, args[0], args[4])
                        .catalog(Catalog.load()).topics(args[3]).schema(args[2])
                        .projection(new KafkaBalances(args[2]))
                        .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)
                        .consumerProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000)
                        .build()) {
            runner.start();
            report("READY");
            Thread watcher = new Thread(() -> watch(runner), "stele-child-watcher");
            watcher.setDaemon(true);
            watcher.start();
            try {
                while (System.in.read() >= 0) {
                    // the parent sends nothing: it only closes the stream
                }
            } catch (IOException ignored) {
                // the parent is gone
            }
        }
        report("CLOSED");
        System.exit(0);
    }

    private static void watch(KafkaProjectionRunner runner) {
        long applied = -1;
        List<String> holds = null;
        boolean stopped = false;
        boolean failed = false;
        while (true) {
            KafkaProjectionStatus status = runner.status();
            List<String> now = status.partitions().stream().map(p -> p.topic() + "-" + p.partition()).toList();
            if (!now.equals(holds)) {
                holds = now;
                report("HOLDS " + now.size() + " " + now);
            }
            if (status.applied() != applied) {
                applied = status.applied();
                report("APPLIED " + applied);
            }
            if (!stopped && !status.poisoned().isEmpty()) {
                stopped = true;
                report("STOPPED " + status.poisoned());
            }
            if (!failed && status.state() == KafkaProjectionStatus.State.FAILED) {
                failed = true;
                report("FAILED " + status.problem().map(Throwable::toString).orElse("?"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }
}
