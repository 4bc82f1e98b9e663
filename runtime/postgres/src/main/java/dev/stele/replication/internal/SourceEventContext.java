package dev.stele.replication.internal;

import dev.stele.projection.EventContext;
import dev.stele.projection.Lsn;
import dev.stele.store.EventMetadata;
import dev.stele.store.internal.MetadataJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link EventContext} of a {@link SourceEvent}, its metadata parsed when first asked for. */
final class SourceEventContext implements EventContext {

    private final SourceEvent event;
    private final Connection connection;
    private EventMetadata metadata;

    SourceEventContext(SourceEvent event, Connection connection) {
        this.event = event;
        this.connection = connection;
    }

    @Override
    public long globalPosition() {
        return event.globalPosition();
    }

    @Override
    public String streamCategory() {
        return event.streamCategory();
    }

    @Override
    public String streamId() {
        return event.streamId();
    }

    @Override
    public long streamVersion() {
        return event.streamVersion();
    }

    @Override
    public UUID eventId() {
        return event.eventId();
    }

    @Override
    public String eventName() {
        return event.eventName();
    }

    @Override
    public int storedVersion() {
        return event.eventVersion();
    }

    @Override
    public Optional<String> correlationId() {
        return Optional.ofNullable(metadata().correlationId());
    }

    @Override
    public Optional<String> causationId() {
        return Optional.ofNullable(metadata().causationId());
    }

    @Override
    public Map<String, String> headers() {
        return metadata().headers();
    }

    @Override
    public Lsn commitLsn() {
        return event.commitLsn();
    }

    @Override
    public Instant commitTime() {
        return event.commitTime();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    private EventMetadata metadata() {
        if (metadata == null) {
            try {
                metadata = MetadataJson.read(event.metadata());
            } catch (IOException e) {
                throw new UncheckedIOException("the metadata of event " + event.eventId() + " at position "
                        + event.globalPosition() + " cannot be read", e);
            }
        }
        return metadata;
    }

    @Override
    public String toString() {
        return event.eventName() + " v" + event.eventVersion() + " at position " + event.globalPosition() + " (stream "
                + event.streamCategory() + "-" + event.streamId() + " version " + event.streamVersion() + ")";
    }
}
