package dev.stele.relay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.UnreadableOutboxException;
import dev.stele.replication.internal.PgOutputMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxReaderTest {

    private static final Lsn COMMIT = new Lsn(0x1_0000_0020L);
    private static final String ID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

    private final OutboxReader reader = new OutboxReader("public", "stele_outbox");

    @Test
    void aMessageGivesTheRecordWithThePayloadAndMetadataAsTheyWereWritten() {
        OutboxRecord record = reader.message(message(true, "stele.outbox", "{\"id\": \"" + ID + "\","
                + " \"aggregatetype\": \"order\", \"aggregateid\": \"o-1\", \"type\": \"OrderPaid\", \"event_version\": 2,"
                + " \"recorded_at\": \"2026-11-30T21:00:00.123456+00:00\","
                + " \"metadata\": {\"correlationId\": \"req-1\", \"headers\": {}},"
                + " \"payload\": {\"amount\": 1.50, \"lines\": [1, {\"a\": \"é\"}]}}"), COMMIT);

        assertThat(record.id()).isEqualTo(UUID.fromString(ID));
        assertThat(record.aggregateType()).isEqualTo("order");
        assertThat(record.aggregateId()).isEqualTo("o-1");
        assertThat(record.type()).isEqualTo("OrderPaid");
        assertThat(record.eventVersion()).isEqualTo(2);
        assertThat(record.payload()).isEqualTo("{\"amount\": 1.50, \"lines\": [1, {\"a\": \"é\"}]}");
        assertThat(record.recordedAt()).isEqualTo(Instant.parse("2026-11-30T21:00:00.123456Z"));
        assertThat(record.correlationId()).isEqualTo("req-1");
        assertThat(record.causationId()).isNull();
        assertThat(record.commitLsn()).isEqualTo(COMMIT);
    }

    @Test
    void messagesOfOtherPrefixesOrOutsideTransactionsAreNotTheOutboxes() {
        assertThat(reader.message(message(true, "other", "{}"), COMMIT)).isNull();
        assertThat(reader.message(message(false, "stele.outbox", "{}"), COMMIT)).isNull();
    }

    @Test
    void whatCannotBeReadNamesTheFieldAndTheCommit() {
        assertThatThrownBy(() -> reader.message(message(true, "stele.outbox", "not json"), COMMIT))
                .isInstanceOfSatisfying(UnreadableOutboxException.class, e -> {
                    assertThat(e.field()).isEqualTo("content");
                    assertThat(e.commitLsn()).isEqualTo(COMMIT);
                });
        assertThatThrownBy(() -> reader.message(message(true, "stele.outbox", "{\"id\": \"" + ID + "\","
                + " \"aggregatetype\": \"order\", \"aggregateid\": \"o-1\", \"type\": \"OrderPaid\","
                + " \"event_version\": \"two\", \"payload\": {}}"), COMMIT))
                .isInstanceOfSatisfying(UnreadableOutboxException.class, e -> {
                    assertThat(e.field()).isEqualTo("event_version");
                    assertThat(e.getMessage()).contains("'two' is not an int").contains(COMMIT.toString());
                });
        assertThatThrownBy(() -> reader.message(message(true, "stele.outbox", "{\"id\": \"" + ID + "\","
                + " \"aggregatetype\": \"order\", \"aggregateid\": \"o-1\", \"type\": \"OrderPaid\","
                + " \"event_version\": 1}"), COMMIT))
                .isInstanceOfSatisfying(UnreadableOutboxException.class, e -> assertThat(e.field()).isEqualTo("payload"));
    }

    @Test
    void anInsertIntoTheOutboxTableIsReadByItsColumnNamesAndOtherTablesAreNot() {
        reader.relation(new PgOutputMessage.Relation(0, 42, "public", "stele_outbox", 'd', List.of(
                column("payload"), column("id"), column("aggregatetype"), column("aggregateid"), column("type"),
                column("event_version"), column("recorded_at"), column("metadata"))));
        reader.relation(new PgOutputMessage.Relation(0, 43, "public", "orders", 'd', List.of(column("id"))));

        OutboxRecord record = reader.row(new PgOutputMessage.Insert(0, 42, tuple("{\"a\": 1}", ID, "order", "o-1",
                "OrderPaid", "1", "2026-11-30 21:00:00.5+00", "{\"causationId\": \"cmd-9\"}")), COMMIT);
        assertThat(record.payload()).isEqualTo("{\"a\": 1}");
        assertThat(record.recordedAt()).isEqualTo(Instant.parse("2026-11-30T21:00:00.5Z"));
        assertThat(record.causationId()).isEqualTo("cmd-9");
        assertThat(reader.row(new PgOutputMessage.Insert(0, 43, tuple("7")), COMMIT)).isNull();

        assertThatThrownBy(() -> reader.row(new PgOutputMessage.Insert(0, 42, tuple("{}", ID, "order", null,
                "OrderPaid", "1", "2026-11-30 21:00:00+00", "{}")), COMMIT))
                .isInstanceOfSatisfying(UnreadableOutboxException.class,
                        e -> assertThat(e.getMessage()).contains("outbox row").contains("aggregateid is missing"));
    }

    private static PgOutputMessage.LogicalMessage message(boolean transactional, String prefix, String content) {
        return new PgOutputMessage.LogicalMessage(0, transactional, COMMIT, prefix,
                content.getBytes(StandardCharsets.UTF_8));
    }

    private static PgOutputMessage.Relation.Column column(String name) {
        return new PgOutputMessage.Relation.Column(false, name, 25, -1);
    }

    private static PgOutputMessage.Tuple tuple(String... texts) {
        return new PgOutputMessage.Tuple(java.util.Arrays.stream(texts)
                .map(t -> t == null ? (PgOutputMessage.Value) new PgOutputMessage.Null()
                        : new PgOutputMessage.Text(t)).toList());
    }
}
