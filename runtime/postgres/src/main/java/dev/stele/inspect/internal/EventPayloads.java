package dev.stele.inspect.internal;

import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The stored payload of one event of the events table, by its id. */
public final class EventPayloads {

    private final String payload;

    public EventPayloads(Tables t) {
        payload = "SELECT payload::text FROM " + t.events + " WHERE event_id = ?";
    }

    public Optional<String> payload(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(payload)) {
            statement.setObject(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
