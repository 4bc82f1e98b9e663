package dev.stele.store;

import java.util.Objects;

/**
 * A stream: the events of one aggregate instance, {@code <category>-<id>} as EventStoreDB writes it.
 *
 * @param category the kind of aggregate, such as {@code order}
 * @param id the instance, such as {@code o-1001}
 */
public record StreamId(String category, String id) {

    public StreamId {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(id, "id");
        if (category.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("a stream needs a category and an id, got '" + category + "', '" + id
                    + "'");
        }
    }

    public static StreamId of(String category, String id) {
        return new StreamId(category, id);
    }

    @Override
    public String toString() {
        return category + "-" + id;
    }
}
