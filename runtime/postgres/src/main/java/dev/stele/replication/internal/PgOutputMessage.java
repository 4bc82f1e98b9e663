package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.List;

/**
 * One message of PostgreSQL's {@code pgoutput} logical replication protocol (versions 1 to 4), as
 * {@link PgOutputDecoder} reads it. Messages of a transaction that is streamed before it commits
 * (protocol 2 {@code streaming}) carry its {@code xid}; others carry 0.
 */
public sealed interface PgOutputMessage {

    /** Whether {@code message} changes rows: an insert, update, delete or truncate. */
    static boolean isChange(PgOutputMessage message) {
        return message instanceof PgOutputMessage.Insert || message instanceof PgOutputMessage.Update
                || message instanceof PgOutputMessage.Delete || message instanceof PgOutputMessage.Truncate;
    }

    /** The streamed transaction's id a change carries, 0 outside a streamed chunk. */
    static int changeXid(PgOutputMessage message) {
        if (message instanceof PgOutputMessage.Insert insert) {
            return insert.xid();
        }
        if (message instanceof PgOutputMessage.Update update) {
            return update.xid();
        }
        if (message instanceof PgOutputMessage.Delete delete) {
            return delete.xid();
        }
        return ((PgOutputMessage.Truncate) message).xid();
    }

    /** 'B': a transaction begins; it committed at {@code finalLsn}. */
    record Begin(Lsn finalLsn, Instant commitTime, int xid) implements PgOutputMessage {
    }

    /** 'C': the transaction begun last commits; {@code endLsn} is what a consumer confirms after it. */
    record Commit(Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    /** 'O': the transaction came from another node. */
    record Origin(Lsn lsn, String name) implements PgOutputMessage {
    }

    /** 'R': the shape of a table, sent before its first change in a session and after it changes. */
    record Relation(int xid, int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
            implements PgOutputMessage {

        /** One column: whether it is part of the replica identity (key), its name and type. */
        public record Column(boolean key, String name, int typeOid, int typeModifier) {
        }
    }

    /** 'Y': a data type's name, sent before a relation that uses a type not built in. */
    record Type(int xid, int oid, String namespace, String name) implements PgOutputMessage {
    }

    /** 'I': a row inserted. */
    record Insert(int xid, int relationOid, Tuple row) implements PgOutputMessage {
    }

    /**
     * 'U': a row updated; {@code old} is its key ('K') or whole old row ('O') when the replica identity
     * sends it, else null ({@code oldKind} 0).
     */
    record Update(int xid, int relationOid, char oldKind, Tuple old, Tuple row) implements PgOutputMessage {
    }

    /** 'D': a row deleted; {@code old} is its key ('K') or whole old row ('O'). */
    record Delete(int xid, int relationOid, char oldKind, Tuple old) implements PgOutputMessage {
    }

    /** 'T': tables truncated. */
    record Truncate(int xid, List<Integer> relationOids, boolean cascade, boolean restartIdentity)
            implements PgOutputMessage {
    }

    /** 'M': a message from {@code pg_logical_emit_message}, within its transaction if {@code transactional}. */
    record LogicalMessage(int xid, boolean transactional, Lsn lsn, String prefix, byte[] content)
            implements PgOutputMessage {
    }

    /** 'S': a chunk of a transaction streamed before it commits begins. */
    record StreamStart(int xid, boolean firstSegment) implements PgOutputMessage {
    }

    /** 'E': the chunk ends. */
    record StreamStop() implements PgOutputMessage {
    }

    /** 'c': a streamed transaction commits: its chunks are applied, in order. */
    record StreamCommit(int xid, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements PgOutputMessage {
    }

    /** 'A': a streamed transaction, or its subtransaction {@code subXid}, rolled back: discard its changes. */
    record StreamAbort(int xid, int subXid) implements PgOutputMessage {
    }

    /** A row's columns, in the relation's order. */
    record Tuple(List<Value> values) {
    }

    /** One column's value as pgoutput sends it. */
    sealed interface Value {
    }

    /** SQL NULL. */
    record Null() implements Value {
    }

    /**
     * A TOASTed value the update did not change and the server did not send: not data. A consumer that
     * needs it must have the replica identity send whole rows.
     */
    record Unchanged() implements Value {
    }

    /** The value in PostgreSQL's text form ({@code t}), UTF-8. */
    record Text(String text) implements Value {
    }

    /** The value in the type's binary form ({@code b}, when the subscription asks for binary). */
    record Binary(byte[] bytes) implements Value {
    }
}
