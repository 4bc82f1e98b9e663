package dev.stele.it.relay.kafka;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.RelayStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * An {@link OutboxRelay} publishing to Kafka in a JVM of its own, for the test that kills it. Arguments: JDBC URL,
 * schema, slot, bootstrap servers, run number. Each record gets two test headers: {@code test-run} (the run
 * number) and {@code test-commit-lsn}. It prints {@code READY} once started, {@code STATE <state>} on each change,
 * and closes the relay and exits when its stdin ends.
 */
public final class RelayProcess {

    private RelayProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        String slot = args[2];
        String bootstrap = args[3];
        String run = args[4];
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(3);
        config.setPoolName("stele-relay-child");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            KafkaPublisher publisher = KafkaPublisher.builder(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, 5))
                    .catalog(Catalog.load())
                    .headers((record, headers) -> {
                        headers.add("test-run", run.getBytes(StandardCharsets.UTF_8));
                        headers.add("test-commit-lsn", record.commitLsn().toString().getBytes(StandardCharsets.UTF_8));
                    })
                    .build();
            try (OutboxRelay relay = OutboxRelay.builder(pool, ReplicationConnection.of(url))
                    .storeOptions(EventStoreOptions.defaults().withSchema(schema))
                    .slot(slot)
                    .publisher(publisher)
                    .heartbeatInterval(Duration.ofMillis(500))
                    .retryDelay(Duration.ofMillis(100), Duration.ofSeconds(2))
                    .build()) {
                relay.start();
                System.out.println("READY");
                Thread watcher = new Thread(() -> watch(relay), "relay-child-watcher");
                watcher.setDaemon(true);
                watcher.start();
                try {
                    while (System.in.read() >= 0) {
                        // the parent only closes the stream
                    }
                } catch (IOException ignored) {
                    // the parent is gone
                }
            }
        }
        System.out.println("CLOSED");
        System.exit(0);
    }

    private static void watch(OutboxRelay relay) {
        RelayStatus.State last = null;
        while (true) {
            RelayStatus status = relay.status();
            if (status.state() != last) {
                last = status.state();
                System.out.println("STATE " + last + status.problem().map(p -> " " + p).orElse(""));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
