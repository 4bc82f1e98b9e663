package dev.stele.replication;

import dev.stele.SteleException;

/**
 * A replication message Stele cannot read: a message type it does not know, or a message that ends
 * before its fields do. Names the message type and the byte where reading stopped; nothing after it is
 * applied.
 */
public class ReplicationProtocolException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final char messageType;
    private final int offset;

    public ReplicationProtocolException(char messageType, int offset, String problem) {
        super("cannot read pgoutput message '" + messageType + "' at byte " + offset + ": " + problem);
        this.messageType = messageType;
        this.offset = offset;
    }

    /** The message's type byte, such as {@code 'I'} for an insert. */
    public char messageType() {
        return messageType;
    }

    /** Where in the message reading stopped, from its first byte. */
    public int offset() {
        return offset;
    }
}
