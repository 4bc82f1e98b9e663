package dev.stele.cdc;

import java.util.Objects;

/**
 * A logical decoding message ({@code pg_logical_emit_message}, Debezium's {@code op = "m"}), handed on as it
 * came: Stele maps table rows, and leaves messages to whoever emitted them.
 *
 * @param prefix the message's prefix
 * @param content the message's bytes
 * @param source where it comes from; its table is empty
 */
public record LogicalMessage(String prefix, byte[] content, ChangeSource source)
        implements TableChange {

    public LogicalMessage {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
    }
}
