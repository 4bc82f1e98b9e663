package dev.stele.cdc.internal;

import java.util.Arrays;

/**
 * The envelope schemas read so far, by their bytes: Debezium writes the same schema, byte for byte, for every
 * change of a table (until the table changes), so a message whose schema bytes equal one read before is read
 * from its payload on, with the schema already parsed. Bounded; safe to share between threads.
 */
final class SchemaCache {

    /** {@code {"schema":}: where the JSON converter writes a message's schema, without white space. */
    static final byte[] PREFIX = "{\"schema\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = ",\"payload\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_ENTRIES = 64;
    private static final int MAX_SCHEMA_BYTES = 256 * 1024;

    private record Entry(byte[] bytes, EnvelopeSchema schema) {
    }

    private volatile Entry[] entries = new Entry[0];

    /** A schema found at the start of a message, and where its payload object starts. */
    record Hit(EnvelopeSchema schema, int payloadStart) {
    }

    /**
     * The schema of {@code message} if its bytes after {@link #PREFIX} equal a cached one's and
     * {@code ,"payload":} follows them; otherwise null.
     */
    Hit find(byte[] message) {
        if (!startsWith(message, PREFIX, 0)) {
            return null;
        }
        for (Entry entry : entries) {
            int end = PREFIX.length + entry.bytes.length;
            if (message.length > end + PAYLOAD.length
                    && Arrays.equals(message, PREFIX.length, end, entry.bytes, 0, entry.bytes.length)
                    && startsWith(message, PAYLOAD, end)) {
                return new Hit(entry.schema, end + PAYLOAD.length);
            }
        }
        return null;
    }

    /** Keeps the schema read from {@code message[from, to)}, a message that starts with {@link #PREFIX}. */
    void add(byte[] message, int from, int to, EnvelopeSchema schema) {
        if (from != PREFIX.length || to <= from || to - from > MAX_SCHEMA_BYTES || !startsWith(message, PREFIX, 0)) {
            return;
        }
        byte[] bytes = Arrays.copyOfRange(message, from, to);
        synchronized (this) {
            Entry[] now = entries;
            for (Entry entry : now) {
                if (Arrays.equals(entry.bytes, bytes)) {
                    return;
                }
            }
            Entry[] next = now.length < MAX_ENTRIES ? Arrays.copyOf(now, now.length + 1)
                    : Arrays.copyOfRange(now, 1, now.length + 1);
            next[next.length - 1] = new Entry(bytes, schema);
            entries = next;
        }
    }

    private static boolean startsWith(byte[] message, byte[] prefix, int at) {
        return message.length >= at + prefix.length && Arrays.equals(message, at, at + prefix.length, prefix, 0,
                prefix.length);
    }
}
