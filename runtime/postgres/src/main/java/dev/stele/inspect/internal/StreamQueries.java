package dev.stele.inspect.internal;

import dev.stele.inspect.CategorySummary;
import dev.stele.inspect.StreamFilter;
import dev.stele.inspect.StreamSummary;
import dev.stele.store.StreamId;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The statements on the events and streams tables that summarize categories and streams. */
public final class StreamQueries {

    private final String categories;
    private final String streams;
    private final String nearMatches;

    public StreamQueries(Tables t) {
        categories = "SELECT stream_category, count(DISTINCT stream_id), count(*), min(recorded_at), max(recorded_at)"
                + " FROM " + t.events + " GROUP BY stream_category ORDER BY stream_category";
        // 1, 2: category (null for any); 3, 4: exact id (null for any); 5, 6: id prefix (null for any); 7: limit
        streams = "SELECT stream_category, stream_id, count(*), max(stream_version), min(recorded_at),"
                + " max(recorded_at) FROM " + t.events
                + " WHERE (?::text IS NULL OR stream_category = ?) AND (?::text IS NULL OR stream_id = ?)"
                + " AND (?::text IS NULL OR starts_with(stream_id, ?))"
                + " GROUP BY stream_category, stream_id ORDER BY stream_category, stream_id LIMIT ?";
        // 1: id; 2: category
        nearMatches = "SELECT stream_category, stream_id FROM " + t.streams + " WHERE stream_id = ? OR stream_category = ?"
                + " LIMIT 10000";
    }

    public List<CategorySummary> categories(Connection connection) throws SQLException {
        List<CategorySummary> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(categories);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(new CategorySummary(rows.getString(1), rows.getLong(2), rows.getLong(3), instant(rows, 4),
                        instant(rows, 5)));
            }
        }
        return found;
    }

    public List<StreamSummary> streams(Connection connection, StreamFilter filter) throws SQLException {
        List<StreamSummary> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(streams)) {
            statement.setString(1, filter.category());
            statement.setString(2, filter.category());
            String exact = filter.idPrefix() ? null : filter.id();
            String prefix = filter.idPrefix() ? filter.id() : null;
            statement.setString(3, exact);
            statement.setString(4, exact);
            statement.setString(5, prefix);
            statement.setString(6, prefix);
            statement.setInt(7, filter.limit());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new StreamSummary(new StreamId(rows.getString(1), rows.getString(2)), rows.getLong(3),
                            rows.getLong(4), instant(rows, 5), instant(rows, 6)));
                }
            }
        }
        return found;
    }

    /**
     * Streams of the same id in another category, or of the same category whose id is within a few edits of the
     * stream's (a third of its length, at least two); the closest five, nearest first.
     */
    public List<StreamId> nearMatches(Connection connection, StreamId stream) throws SQLException {
        List<StreamId> candidates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(nearMatches)) {
            statement.setString(1, stream.id());
            statement.setString(2, stream.category());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new StreamId(rows.getString(1), rows.getString(2)));
                }
            }
        }
        String name = stream.toString();
        int within = Math.max(2, name.length() / 3);
        return candidates.stream().filter(c -> c.id().equals(stream.id()) || distance(c.toString(), name) <= within)
                .sorted(java.util.Comparator.comparingInt((StreamId c) -> distance(c.toString(), name))
                        .thenComparing(StreamId::toString))
                .limit(5).toList();
    }

    /** The Levenshtein distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
