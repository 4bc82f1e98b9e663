package dev.stele.catalog.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import dev.stele.spi.codec.CodecFailure;

/** Field paths ({@code lines[2].sku}) from Jackson's read and write contexts. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of {@code context}, followed by whatever path {@code failure} carries itself. */
    public static String of(JsonStreamContext context, CodecFailure failure) {
        String inner = failure == null ? "" : failure.path();
        String outer = of(context);
        if (outer.isEmpty()) {
            return inner;
        }
        if (inner.isEmpty()) {
            return outer;
        }
        return inner.charAt(0) == '[' ? outer + inner : outer + '.' + inner;
    }

    /** The path of {@code context}, from the event object down. */
    public static String of(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String segment;
            if (at.inArray()) {
                segment = "[" + Math.max(at.getCurrentIndex(), 0) + "]";
            } else if (at.getCurrentName() != null) {
                segment = at.getCurrentName();
            } else {
                continue;
            }
            if (path.length() > 0 && path.charAt(0) != '[') {
                path.insert(0, '.');
            }
            path.insert(0, segment);
        }
        return path.toString();
    }
}
