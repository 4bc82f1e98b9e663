package dev.stele.kafka;

import dev.stele.cdc.OutboxRouterRecords;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reading the event id of an outbox record, to de-duplicate: delivery is at least once. */
public final class OutboxHeaders {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OutboxHeaders() {
    }

    /**
     * The event id in header {@code id} (the last, if repeated), as plain text (Kafka Connect's default
     * SimpleHeaderConverter, {@link OutboxEventSerializer}) or as a JSON string (JsonConverter); empty if the
     * header is missing or holds no UUID in its canonical form.
     */
    public static Optional<UUID> eventId(Headers headers) {
        Header header = headers.lastHeader(OutboxRouterRecords.ID_HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        if (text.length() == 38 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, 37);
        }
        return CANONICAL_UUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
