package dev.stele.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Messages written byte by byte as the protocol documents them. */
class PgOutputDecoderTest {

    private final PgOutputDecoder decoder = new PgOutputDecoder();

    /** 2026-11-30T10:15:30.123456Z in microseconds since 2000-01-01. */
    private static final long COMMIT_TIME = 849_348_930_123_456L;

    private static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Message(char type) throws IOException {
            out.writeByte(type);
        }

        Message int8(int value) throws IOException {
            out.writeByte(value);
            return this;
        }

        Message int16(int value) throws IOException {
            out.writeShort(value);
            return this;
        }

        Message int32(int value) throws IOException {
            out.writeInt(value);
            return this;
        }

        Message int64(long value) throws IOException {
            out.writeLong(value);
            return this;
        }

        Message string(String value) throws IOException {
            out.write(value.getBytes(StandardCharsets.UTF_8));
            out.writeByte(0);
            return this;
        }

        Message text(String value) throws IOException {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeByte('t');
            out.writeInt(utf8.length);
            out.write(utf8);
            return this;
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.toByteArray());
        }
    }

    @Test
    void aTransactionOfOneInsertReadsAsBeginRelationInsertCommit() throws IOException {
        PgOutputMessage begin = decoder.decode(new Message('B').int64(0x1_0000_0100L).int64(COMMIT_TIME).int32(742)
                .buffer());
        PgOutputMessage relation = decoder.decode(new Message('R').int32(16384).string("public").string("stele_events")
                .int8('d').int16(2).int8(1).string("global_position").int32(20).int32(-1)
                .int8(0).string("payload").int32(3802).int32(-1).buffer());
        PgOutputMessage insert = decoder.decode(new Message('I').int32(16384).int8('N').int16(2).text("1")
                .text("{\"a\": 1}").buffer());
        PgOutputMessage commit = decoder.decode(new Message('C').int8(0).int64(0x1_0000_0100L)
                .int64(0x1_0000_0130L).int64(COMMIT_TIME).buffer());

        assertThat(begin).isEqualTo(new PgOutputMessage.Begin(Lsn.parse("1/100"),
                Instant.parse("2026-11-30T10:15:30.123456Z"), 742));
        assertThat(relation).isEqualTo(new PgOutputMessage.Relation(0, 16384, "public", "stele_events", 'd',
                java.util.List.of(new PgOutputMessage.Relation.Column(true, "global_position", 20, -1),
                        new PgOutputMessage.Relation.Column(false, "payload", 3802, -1))));
        assertThat(insert).isEqualTo(new PgOutputMessage.Insert(0, 16384, new PgOutputMessage.Tuple(java.util.List.of(
                new PgOutputMessage.Text("1"), new PgOutputMessage.Text("{\"a\": 1}")))));
        assertThat(commit).isEqualTo(new PgOutputMessage.Commit(Lsn.parse("1/100"), Lsn.parse("1/130"),
                Instant.parse("2026-11-30T10:15:30.123456Z")));
    }

    @Test
    void changesInsideAStreamedChunkCarryTheirTransactionsId() throws IOException {
        decoder.decode(new Message('S').int32(900).int8(1).buffer());
        PgOutputMessage insert = decoder.decode(new Message('I').int32(900).int32(16384).int8('N').int16(1)
                .text("x").buffer());
        decoder.decode(new Message('E').buffer());
        PgOutputMessage after = decoder.decode(new Message('I').int32(16384).int8('N').int16(1).text("y").buffer());
        PgOutputMessage commit = decoder.decode(new Message('c').int32(900).int8(0).int64(0x200).int64(0x230)
                .int64(COMMIT_TIME).buffer());

        assertThat(((PgOutputMessage.Insert) insert).xid()).isEqualTo(900);
        assertThat(((PgOutputMessage.Insert) after).xid()).isZero();
        assertThat(commit).isEqualTo(new PgOutputMessage.StreamCommit(900, Lsn.parse("0/200"), Lsn.parse("0/230"),
                Instant.parse("2026-11-30T10:15:30.123456Z")));
    }

    @Test
    void updatesAndDeletesCarryTheOldKeyOrRowAndTheUnchangedToastPlaceholder() throws IOException {
        PgOutputMessage update = decoder.decode(new Message('U').int32(1).int8('O').int16(2).text("k").text("old")
                .int8('N').int16(2).text("k").int8('u').buffer());
        PgOutputMessage plain = decoder.decode(new Message('U').int32(1).int8('N').int16(1).int8('n').buffer());
        PgOutputMessage delete = decoder.decode(new Message('D').int32(1).int8('K').int16(1).text("k").buffer());

        assertThat(update).isEqualTo(new PgOutputMessage.Update(0, 1, 'O',
                new PgOutputMessage.Tuple(java.util.List.of(new PgOutputMessage.Text("k"),
                        new PgOutputMessage.Text("old"))),
                new PgOutputMessage.Tuple(java.util.List.of(new PgOutputMessage.Text("k"),
                        new PgOutputMessage.Unchanged()))));
        assertThat(plain).isEqualTo(new PgOutputMessage.Update(0, 1, (char) 0, null,
                new PgOutputMessage.Tuple(java.util.List.of(new PgOutputMessage.Null()))));
        assertThat(delete).isEqualTo(new PgOutputMessage.Delete(0, 1, 'K',
                new PgOutputMessage.Tuple(java.util.List.of(new PgOutputMessage.Text("k")))));
    }

    @Test
    void aLogicalMessageATruncateAndAnOriginAreRead() throws IOException {
        PgOutputMessage message = decoder.decode(new Message('M').int8(1).int64(0x300).string("stele")
                .int32(3).int8('a').int8('b').int8('c').buffer());
        PgOutputMessage truncate = decoder.decode(new Message('T').int32(2).int8(3).int32(10).int32(11).buffer());
        PgOutputMessage origin = decoder.decode(new Message('O').int64(0x10).string("node-2").buffer());

        PgOutputMessage.LogicalMessage logical = (PgOutputMessage.LogicalMessage) message;
        assertThat(logical.transactional()).isTrue();
        assertThat(logical.prefix()).isEqualTo("stele");
        assertThat(new String(logical.content(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(truncate).isEqualTo(new PgOutputMessage.Truncate(0, java.util.List.of(10, 11), true, true));
        assertThat(origin).isEqualTo(new PgOutputMessage.Origin(Lsn.parse("0/10"), "node-2"));
    }

    @Test
    void theMessageStartsAtTheBuffersPositionNotAtItsArrayOffset() throws IOException {
        ByteBuffer message = new Message('E').buffer();
        ByteBuffer inLarger = ByteBuffer.allocate(8);
        inLarger.put(new byte[] {9, 9, 9});
        inLarger.put(message);
        inLarger.flip().position(3);

        assertThat(decoder.decode(inLarger)).isEqualTo(new PgOutputMessage.StreamStop());
    }

    @Test
    void aMessageThatEndsEarlyIsATypedErrorNamingTypeAndByte() throws IOException {
        assertThatThrownBy(() -> decoder.decode(new Message('B').int64(1).buffer()))
                .isInstanceOfSatisfying(ReplicationProtocolException.class, e -> {
                    assertThat(e.messageType()).isEqualTo('B');
                    assertThat(e.offset()).isEqualTo(9);
                    assertThat(e).hasMessage("cannot read pgoutput message 'B' at byte 9: the message ends before its"
                            + " fields do");
                });
    }

    @Test
    void aValueLongerThanTheMessageIsRefusedBeforeAllocating() throws IOException {
        assertThatThrownBy(() -> decoder.decode(new Message('I').int32(1).int8('N').int16(1).int8('t')
                .int32(Integer.MAX_VALUE).buffer()))
                .isInstanceOf(ReplicationProtocolException.class)
                .hasMessageContaining("a value of 2147483647 bytes in a message with 0 left");
    }

    @Test
    void anUnknownTypeOrColumnKindOrTrailingBytesAreTypedErrors() throws IOException {
        assertThatThrownBy(() -> decoder.decode(new Message('Z').buffer()))
                .isInstanceOf(ReplicationProtocolException.class).hasMessageContaining("does not know this message");
        assertThatThrownBy(() -> decoder.decode(new Message('I').int32(1).int8('N').int16(1).int8('x').buffer()))
                .isInstanceOf(ReplicationProtocolException.class).hasMessageContaining("has kind 'x'");
        assertThatThrownBy(() -> decoder.decode(new Message('E').int8(0).buffer()))
                .isInstanceOf(ReplicationProtocolException.class).hasMessageContaining("1 bytes remain");
    }
}
