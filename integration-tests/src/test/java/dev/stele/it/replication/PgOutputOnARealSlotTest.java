package dev.stele.it.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.replication.internal.PgOutputDecoder;
import dev.stele.replication.internal.PgOutputMessage;
import dev.stele.test.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;

/**
 * The pgoutput decoder on what a real slot of PostgreSQL 17 sends: protocol 2 with logical messages and
 * streaming of large transactions, pgjdbc's automatic flush off.
 */
class PgOutputOnARealSlotTest {

    private static final String SLOT = "stele_it_pgoutput";
    private static final String PUBLICATION = "stele_it_pgoutput_pub";

    private Connection sql;
    private Connection replication;
    private LogSequenceNumber start;

    @BeforeEach
    void createTableSlotAndPublication() throws SQLException {
        sql = TestDatabase.dataSource().getConnection();
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS pgoutput_probe");
            statement.execute("CREATE TABLE pgoutput_probe (id int PRIMARY KEY, payload text NOT NULL)");
            statement.execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
            statement.execute("CREATE PUBLICATION " + PUBLICATION + " FOR TABLE pgoutput_probe");
        }
        Properties properties = new Properties();
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "9.4");
        properties.setProperty("preferQueryMode", "simple");
        // a small decoding budget, so a transaction of a few megabytes is streamed before it commits
        properties.setProperty("options", "-c logical_decoding_work_mem=64kB");
        replication = DriverManager.getConnection(TestDatabase.jdbcUrl(), properties);
        start = replication.unwrap(PGConnection.class).getReplicationAPI().createReplicationSlot().logical()
                .withSlotName(SLOT).withOutputPlugin("pgoutput").withTemporaryOption().make().getConsistentPoint();
    }

    @AfterEach
    void close() throws SQLException {
        replication.close();
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
            statement.execute("DROP TABLE IF EXISTS pgoutput_probe");
        }
        sql.close();
    }

    @Test
    void aTransactionArrivesAsBeginRelationInsertsMessageCommitInCommitOrder() throws Exception {
        try (Statement statement = sql.createStatement()) {
            sql.setAutoCommit(false);
            statement.execute("INSERT INTO pgoutput_probe VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            statement.execute("SELECT pg_logical_emit_message(true, 'stele', 'hello')");
            sql.commit();
            sql.setAutoCommit(true);
        }

        List<PgOutputMessage> messages = readThroughCommit(stream());

        assertThat(messages).extracting(message -> message.getClass().getSimpleName())
                .containsExactly("Begin", "Relation", "Insert", "Insert", "Insert", "LogicalMessage", "Commit");
        PgOutputMessage.Relation relation = (PgOutputMessage.Relation) messages.get(1);
        assertThat(relation.name()).isEqualTo("pgoutput_probe");
        assertThat(relation.columns()).extracting(PgOutputMessage.Relation.Column::name).containsExactly("id",
                "payload");
        assertThat(relation.columns()).extracting(PgOutputMessage.Relation.Column::key).containsExactly(true, false);
        assertThat(((PgOutputMessage.Insert) messages.get(4)).row().values()).containsExactly(
                new PgOutputMessage.Text("3"), new PgOutputMessage.Text("c"));
        PgOutputMessage.LogicalMessage hello = (PgOutputMessage.LogicalMessage) messages.get(5);
        assertThat(new String(hello.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
        PgOutputMessage.Begin begin = (PgOutputMessage.Begin) messages.get(0);
        PgOutputMessage.Commit commit = (PgOutputMessage.Commit) messages.get(6);
        assertThat(commit.commitLsn()).isEqualTo(begin.finalLsn());
        assertThat(commit.endLsn().isAfter(commit.commitLsn())).isTrue();
    }

    @Test
    void aLargeTransactionIsStreamedInChunksAndCommitsOnce() throws Exception {
        int rows = 20_000;
        try (Statement statement = sql.createStatement()) {
            statement.execute("INSERT INTO pgoutput_probe SELECT n, repeat('x', 100) FROM generate_series(1, " + rows
                    + ") n");
        }

        PGReplicationStream stream = stream();
        PgOutputDecoder decoder = new PgOutputDecoder();
        int inserts = 0;
        int chunks = 0;
        PgOutputMessage last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(last instanceof PgOutputMessage.StreamCommit) && System.nanoTime() < deadline) {
            ByteBuffer buffer = stream.readPending();
            if (buffer == null) {
                TimeUnit.MILLISECONDS.sleep(5);
                continue;
            }
            last = decoder.decode(buffer);
            if (last instanceof PgOutputMessage.StreamStart) {
                chunks++;
            } else if (last instanceof PgOutputMessage.Insert insert) {
                assertThat(insert.xid()).as("a change inside a chunk carries its transaction").isNotZero();
                inserts++;
            }
        }

        assertThat(last).isInstanceOf(PgOutputMessage.StreamCommit.class);
        assertThat(inserts).isEqualTo(rows);
        assertThat(chunks).as("streamed in chunks, not held until commit").isGreaterThan(1);
    }

    private PGReplicationStream stream() throws SQLException {
        ChainedLogicalStreamBuilder builder = replication.unwrap(PGConnection.class).getReplicationAPI()
                .replicationStream().logical().withSlotName(SLOT).withStartPosition(start)
                .withSlotOption("proto_version", "2")
                .withSlotOption("publication_names", PUBLICATION)
                .withSlotOption("messages", "true")
                .withSlotOption("streaming", "on")
                .withStatusInterval(1, TimeUnit.SECONDS);
        return builder.withAutomaticFlush(false).start();
    }

    private static List<PgOutputMessage> readThroughCommit(PGReplicationStream stream) throws Exception {
        PgOutputDecoder decoder = new PgOutputDecoder();
        List<PgOutputMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ByteBuffer buffer = stream.readPending();
            if (buffer == null) {
                TimeUnit.MILLISECONDS.sleep(5);
                continue;
            }
            PgOutputMessage message = decoder.decode(buffer);
            messages.add(message);
            if (message instanceof PgOutputMessage.Commit) {
                return messages;
            }
        }
        throw new AssertionError("no commit within 30 s; read " + messages);
    }
}
