package dev.stele.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.cdc.OutboxTestEvents;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the builder refuses before anything runs: the runner's own consumer settings, bad names, missing parts. */
class KafkaProjectionRunnerBuilderTest {

    private static final DataSource NO_DATABASE = new DataSource() {
        @Override public Connection getConnection() { throw new UnsupportedOperationException(); }
        @Override public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> type) { throw new UnsupportedOperationException(); }
        @Override public boolean isWrapperFor(Class<?> type) { return false; }
    };

    private static KafkaProjectionRunner.Builder builder() {
        return KafkaProjectionRunner.builder(NO_DATABASE, "localhost:9092", "totals");
    }

    @Test
    void theRunnersOwnConsumerSettingsCannotBeChanged() {
        assertThatThrownBy(() -> builder().consumerProperty("enable.auto.commit", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> builder().consumerProperty("auto.offset.reset", "earliest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must fail, not skip");
        assertThatThrownBy(() -> builder().consumerProperty("group.id", "other"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().consumerProperties(Map.of("value.deserializer", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OutboxRouterRecords");
        assertThat(builder().consumerProperty("enable.auto.commit", "false").consumerProperty("group.id", "totals"))
                .isNotNull();
    }

    @Test
    void aBuilderWithoutTopicsOrProjectionOrWithBadTableNamesIsRefused() {
        assertThatThrownBy(() -> builder().projection(new Object()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topics");
        assertThatThrownBy(() -> builder().topics("t").catalog(OutboxTestEvents.CATALOG).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("projection");
        assertThatThrownBy(() -> builder().topics("t").catalog(OutboxTestEvents.CATALOG).projection(new Object())
                .schema("Bad-Name").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case SQL identifiers");
        assertThatThrownBy(() -> builder().topics("t").catalog(OutboxTestEvents.CATALOG).projection(new Object())
                .eventHeaders("id", "v").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().retries(0, java.time.Duration.ZERO, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
