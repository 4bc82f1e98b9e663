package dev.stele.inspect;

/**
 * Which streams {@link Inspector#streams} lists: all of a category or of every category, all ids or those equal
 * to or starting with a given one, at most {@code limit}, ordered by category and id.
 *
 * @param category the category, or null for every category
 * @param id the id (exact) or its beginning ({@code idPrefix}), or null for every id
 * @param idPrefix whether {@code id} is a prefix rather than the whole id
 * @param limit at most this many streams, at least 1
 */
public record StreamFilter(String category, String id, boolean idPrefix, int limit) {

    /** The default {@link #limit}. */
    public static final int DEFAULT_LIMIT = 100;

    public StreamFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("a stream filter's limit must be at least 1, got " + limit);
        }
        if (category != null && category.isEmpty() || id != null && id.isEmpty()) {
            throw new IllegalArgumentException("filter by a non-empty category or id, or by none (null)");
        }
    }

    /** Every stream, at most {@link #DEFAULT_LIMIT}. */
    public static StreamFilter all() {
        return new StreamFilter(null, null, false, DEFAULT_LIMIT);
    }

    public StreamFilter inCategory(String category) {
        return new StreamFilter(category, id, idPrefix, limit);
    }

    /** Streams whose id is {@code id}. */
    public StreamFilter withId(String id) {
        return new StreamFilter(category, id, false, limit);
    }

    /** Streams whose id starts with {@code prefix}. */
    public StreamFilter withIdPrefix(String prefix) {
        return new StreamFilter(category, prefix, true, limit);
    }

    public StreamFilter limit(int limit) {
        return new StreamFilter(category, id, idPrefix, limit);
    }
}
