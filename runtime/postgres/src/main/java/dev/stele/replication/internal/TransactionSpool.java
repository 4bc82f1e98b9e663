package dev.stele.replication.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The changes of transactions PostgreSQL streams before they commit (pgoutput protocol 2 {@code streaming}),
 * kept in a file per transaction until its commit or abort: a transaction of any size costs disk, not heap.
 * A subtransaction's abort cuts the file back to where that subtransaction's first change began, as
 * PostgreSQL's own apply worker does.
 */
public final class TransactionSpool implements AutoCloseable {

    private final Path directory;
    private final Map<Integer, Spooled> open = new HashMap<>();
    /** Transactions being replayed: deleted when their replay ends, or at close if it was cut short. */
    private final java.util.List<Spooled> replaying = new java.util.ArrayList<>();

    public TransactionSpool(Path directory) {
        this.directory = directory;
    }

    /** Appends a change message (from its position to its limit) of top-level transaction {@code xid}. */
    public void append(int xid, int subXid, ByteBuffer message) {
        try {
            Spooled spooled = open.get(xid);
            if (spooled == null) {
                spooled = new Spooled(Files.createTempFile(directory, "stele-stream-" + Integer.toUnsignedString(xid)
                        + "-", ".spool"));
                open.put(xid, spooled);
            }
            spooled.append(subXid, message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool streamed transaction " + Integer.toUnsignedString(xid), e);
        }
    }

    /** Discards a transaction ({@code subXid == xid}) or one of its subtransactions. */
    public void abort(int xid, int subXid) {
        Spooled spooled = open.get(xid);
        if (spooled == null) {
            return;
        }
        try {
            if (subXid == xid) {
                open.remove(xid).delete();
            } else {
                spooled.cutBack(subXid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard streamed transaction " + Integer.toUnsignedString(xid), e);
        }
    }

    /** The transaction's changes in order, for its commit; the file is deleted when the iteration ends. */
    public Iterator<ByteBuffer> commit(int xid) {
        Spooled spooled = open.remove(xid);
        if (spooled == null) {
            return java.util.Collections.emptyIterator();
        }
        try {
            replaying.removeIf(Spooled::deleted);
            replaying.add(spooled);
            return spooled.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read streamed transaction " + Integer.toUnsignedString(xid), e);
        }
    }

    /** Transactions spooled and not yet committed or aborted. */
    public int openTransactions() {
        return open.size();
    }

    @Override
    public void close() {
        java.util.List<Spooled> all = new java.util.ArrayList<>(open.values());
        all.addAll(replaying);
        for (Spooled spooled : all) {
            try {
                spooled.delete();
            } catch (IOException ignored) {
                // a temporary file; the session is ending
            }
        }
        open.clear();
        replaying.clear();
    }

    /** One transaction's file: length-prefixed messages, and where each subtransaction's first one starts. */
    private static final class Spooled {

        private final Path file;
        private final FileChannel channel;
        private final DataOutputStream out;
        private final Map<Integer, Long> subTransactionStarts = new HashMap<>();
        private long size;
        private boolean deleted;

        Spooled(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        }

        void append(int subXid, ByteBuffer message) throws IOException {
            subTransactionStarts.putIfAbsent(subXid, size);
            int length = message.remaining();
            out.writeInt(length);
            if (message.hasArray()) {
                out.write(message.array(), message.arrayOffset() + message.position(), length);
            } else {
                byte[] bytes = new byte[length];
                message.duplicate().get(bytes);
                out.write(bytes);
            }
            size += 4 + length;
        }

        void cutBack(int subXid) throws IOException {
            Long start = subTransactionStarts.get(subXid);
            if (start == null) {
                return;
            }
            out.flush();
            channel.truncate(start);
            channel.position(start);
            size = start;
            subTransactionStarts.values().removeIf(offset -> offset >= start);
        }

        Iterator<ByteBuffer> read() throws IOException {
            out.flush();
            channel.position(0);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            return new Iterator<>() {
                private long read;
                private ByteBuffer next = advance();

                private ByteBuffer advance() {
                    if (read >= size) {
                        closeQuietly();
                        return null;
                    }
                    try {
                        int length = in.readInt();
                        byte[] bytes = new byte[length];
                        in.readFully(bytes);
                        read += 4 + length;
                        return ByteBuffer.wrap(bytes);
                    } catch (EOFException e) {
                        closeQuietly();
                        throw new UncheckedIOException("streamed transaction file " + file + " ends early", e);
                    } catch (IOException e) {
                        closeQuietly();
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public ByteBuffer next() {
                    ByteBuffer current = next;
                    if (current == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    next = advance();
                    return current;
                }
            };
        }

        private void closeQuietly() {
            try {
                delete();
            } catch (IOException ignored) {
                // a temporary file
            }
        }

        void delete() throws IOException {
            deleted = true;
            channel.close();
            Files.deleteIfExists(file);
        }

        boolean deleted() {
            return deleted;
        }
    }
}
