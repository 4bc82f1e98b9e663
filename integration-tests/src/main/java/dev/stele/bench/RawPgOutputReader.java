package dev.stele.bench;

import dev.stele.demo.Database;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.PGReplicationStream;

/**
 * The floor: pgjdbc's replication stream on the slot (pgoutput protocol 1, the driver's automatic flush
 * off), decoding each message just enough to count the inserts into the events table — every column of an
 * inserted row turned into a {@code String}, nothing more. No ordering, partitioning, payload decoding or
 * checkpoint. An event counts as handled when its insert message is decoded.
 */
final class RawPgOutputReader implements ChangeReader {

    private final BenchSchema schema;
    private final Progress progress = new Progress();
    private Connection connection;
    private PGReplicationStream stream;
    private Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;
    private int eventsRelation = -1;
    private long sink;

    RawPgOutputReader(BenchSchema schema) {
        this.schema = schema;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    @Override
    public void start() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "9.4");
        properties.setProperty("preferQueryMode", "simple");
        connection = DriverManager.getConnection(Database.jdbcUrl(), properties);
        stream = connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(schema.slot)
                .withSlotOption("proto_version", "1")
                .withSlotOption("publication_names", schema.slot)
                .withStatusInterval(1, TimeUnit.SECONDS)
                .withAutomaticFlush(false)
                .start();
        thread = new Thread(this::read, "bench-raw-pgoutput");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try {
            while (!stop) {
                ByteBuffer buffer = stream.readPending();
                if (buffer == null) {
                    Thread.sleep(1);
                    continue;
                }
                decode(buffer.slice());
            }
        } catch (Throwable e) {
            if (!stop) {
                failure = e;
            }
        }
    }

    private void decode(ByteBuffer in) {
        char type = (char) in.get();
        if (type == 'R') {
            int oid = in.getInt();
            String namespace = string(in);
            String name = string(in);
            if (namespace.equals(schema.name) && name.equals("stele_events")) {
                eventsRelation = oid;
            }
        } else if (type == 'I') {
            int oid = in.getInt();
            in.get(); // 'N'
            int columns = in.getShort();
            String[] values = new String[columns];
            for (int i = 0; i < columns; i++) {
                char kind = (char) in.get();
                if (kind == 't') {
                    int length = in.getInt();
                    byte[] bytes = new byte[length];
                    in.get(bytes);
                    values[i] = new String(bytes, StandardCharsets.UTF_8);
                }
            }
            if (oid == eventsRelation) {
                sink += values.length;
                progress.add(1);
            }
        }
        // 'B', 'C' and the rest: nothing to do for a reader that only counts
    }

    private static String string(ByteBuffer in) {
        int start = in.position();
        int end = start;
        while (in.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        in.get(bytes);
        in.get();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws SQLException {
        stop = true;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stream != null) {
            stream.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (failure != null) {
            throw new IllegalStateException("the raw pgoutput reader failed (" + sink + ")", failure);
        }
    }
}
