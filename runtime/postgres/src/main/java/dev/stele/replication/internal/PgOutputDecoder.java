package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationProtocolException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the messages of PostgreSQL's {@code pgoutput} plugin, protocol versions 1 to 4, from the
 * buffers pgjdbc's replication stream hands out (the message starts at the buffer's position, not at its
 * array offset). Keeps one piece of state: whether a streamed transaction's chunk is open, since the
 * changes inside one carry the transaction's id.
 */
public final class PgOutputDecoder {

    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private boolean inStream;

    /**
     * The message in {@code buffer}, from its position to its limit.
     *
     * @throws ReplicationProtocolException if the type is unknown or the message ends too early
     */
    public PgOutputMessage decode(ByteBuffer buffer) {
        ByteBuffer in = buffer.slice();
        char type = (char) in.get();
        try {
            PgOutputMessage message = read(type, in);
            if (in.hasRemaining()) {
                throw new ReplicationProtocolException(type, in.position(), in.remaining()
                        + " bytes remain after the message");
            }
            return message;
        } catch (BufferUnderflowException e) {
            throw new ReplicationProtocolException(type, in.position(), "the message ends before its fields do");
        }
    }

    /** A change message kept from inside a streamed transaction's chunk, decoded later (it carries the xid). */
    public PgOutputMessage decodeStreamed(ByteBuffer buffer) {
        boolean was = inStream;
        inStream = true;
        try {
            return decode(buffer);
        } finally {
            inStream = was;
        }
    }

    /** Whether a streamed transaction's chunk is open: its changes carry the transaction's id. */
    public boolean inStream() {
        return inStream;
    }

    private PgOutputMessage read(char type, ByteBuffer in) {
        switch (type) {
            case 'B':
                return new PgOutputMessage.Begin(lsn(in), time(in), in.getInt());
            case 'C':
                in.get(); // flags, unused
                return new PgOutputMessage.Commit(lsn(in), lsn(in), time(in));
            case 'O':
                return new PgOutputMessage.Origin(lsn(in), string(in, type));
            case 'R':
                return relation(in, xid(in), type);
            case 'Y':
                return new PgOutputMessage.Type(xid(in), in.getInt(), string(in, type), string(in, type));
            case 'I': {
                int xid = xid(in);
                int relation = in.getInt();
                expect(in, 'N', type);
                return new PgOutputMessage.Insert(xid, relation, tuple(in, type));
            }
            case 'U':
                return update(in, xid(in), type);
            case 'D': {
                int xid = xid(in);
                int relation = in.getInt();
                char kind = (char) in.get();
                if (kind != 'K' && kind != 'O') {
                    throw new ReplicationProtocolException(type, in.position() - 1, "expected 'K' or 'O', found '"
                            + kind + "'");
                }
                return new PgOutputMessage.Delete(xid, relation, kind, tuple(in, type));
            }
            case 'T':
                return truncate(in, xid(in));
            case 'M': {
                int xid = xid(in);
                boolean transactional = (in.get() & 1) != 0;
                Lsn lsn = lsn(in);
                String prefix = string(in, type);
                return new PgOutputMessage.LogicalMessage(xid, transactional, lsn, prefix, bytes(in, type));
            }
            case 'S': {
                PgOutputMessage start = new PgOutputMessage.StreamStart(in.getInt(), in.get() == 1);
                inStream = true;
                return start;
            }
            case 'E':
                inStream = false;
                return new PgOutputMessage.StreamStop();
            case 'c': {
                int xid = in.getInt();
                in.get(); // flags, unused
                return new PgOutputMessage.StreamCommit(xid, lsn(in), lsn(in), time(in));
            }
            case 'A': {
                PgOutputMessage abort = new PgOutputMessage.StreamAbort(in.getInt(), in.getInt());
                // protocol 4 with parallel streaming adds the abort's LSN and time; neither is needed
                in.position(in.limit());
                return abort;
            }
            default:
                throw new ReplicationProtocolException(type, 0, "Stele does not know this message type");
        }
    }

    /** The transaction id a change carries inside a streamed chunk, else 0. */
    private int xid(ByteBuffer in) {
        return inStream ? in.getInt() : 0;
    }

    private PgOutputMessage relation(ByteBuffer in, int xid, char type) {
        int oid = in.getInt();
        String namespace = string(in, type);
        String name = string(in, type);
        char identity = (char) in.get();
        int count = count(in.getShort(), in, type);
        List<PgOutputMessage.Relation.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (in.get() & 1) != 0;
            columns.add(new PgOutputMessage.Relation.Column(key, string(in, type), in.getInt(), in.getInt()));
        }
        return new PgOutputMessage.Relation(xid, oid, namespace, name, identity, List.copyOf(columns));
    }

    private PgOutputMessage update(ByteBuffer in, int xid, char type) {
        int relation = in.getInt();
        char kind = (char) in.get();
        if (kind == 'N') {
            return new PgOutputMessage.Update(xid, relation, (char) 0, null, tuple(in, type));
        }
        if (kind != 'K' && kind != 'O') {
            throw new ReplicationProtocolException(type, in.position() - 1, "expected 'K', 'O' or 'N', found '" + kind
                    + "'");
        }
        PgOutputMessage.Tuple old = tuple(in, type);
        expect(in, 'N', type);
        return new PgOutputMessage.Update(xid, relation, kind, old, tuple(in, type));
    }

    private static PgOutputMessage truncate(ByteBuffer in, int xid) {
        int count = count(in.getInt(), in, 'T');
        int options = in.get();
        List<Integer> relations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            relations.add(in.getInt());
        }
        return new PgOutputMessage.Truncate(xid, List.copyOf(relations), (options & 1) != 0, (options & 2) != 0);
    }

    private static PgOutputMessage.Tuple tuple(ByteBuffer in, char type) {
        int count = count(in.getShort(), in, type);
        List<PgOutputMessage.Value> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) in.get();
            switch (kind) {
                case 'n' -> values.add(new PgOutputMessage.Null());
                case 'u' -> values.add(new PgOutputMessage.Unchanged());
                case 't' -> values.add(new PgOutputMessage.Text(new String(bytes(in, type), StandardCharsets.UTF_8)));
                case 'b' -> values.add(new PgOutputMessage.Binary(bytes(in, type)));
                default -> throw new ReplicationProtocolException(type, in.position() - 1, "column " + (i + 1)
                        + " has kind '" + kind + "', not one of n, u, t, b");
            }
        }
        return new PgOutputMessage.Tuple(List.copyOf(values));
    }

    /** A length-prefixed value, its length checked against what the message holds before anything is allocated. */
    private static byte[] bytes(ByteBuffer in, char type) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new ReplicationProtocolException(type, in.position() - 4, "a value of " + length + " bytes in a"
                    + " message with " + in.remaining() + " left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A count of columns or tables, checked to be one the message can hold. */
    private static int count(int count, ByteBuffer in, char type) {
        if (count < 0 || count > in.remaining()) {
            throw new ReplicationProtocolException(type, in.position(), "a count of " + count + " in a message with "
                    + in.remaining() + " bytes left");
        }
        return count;
    }

    private static void expect(ByteBuffer in, char expected, char type) {
        char found = (char) in.get();
        if (found != expected) {
            throw new ReplicationProtocolException(type, in.position() - 1, "expected '" + expected + "', found '"
                    + found + "'");
        }
    }

    /** A null-terminated UTF-8 string. */
    private static String string(ByteBuffer in, char type) {
        int start = in.position();
        int end = start;
        while (end < in.limit() && in.get(end) != 0) {
            end++;
        }
        if (end == in.limit()) {
            throw new ReplicationProtocolException(type, start, "a string has no terminating zero byte");
        }
        byte[] text = new byte[end - start];
        in.get(text);
        in.get(); // the zero byte
        return new String(text, StandardCharsets.UTF_8);
    }

    private static Lsn lsn(ByteBuffer in) {
        return new Lsn(in.getLong());
    }

    /** Microseconds since 2000-01-01 as an instant. */
    private static Instant time(ByteBuffer in) {
        long micros = in.getLong() + POSTGRES_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
