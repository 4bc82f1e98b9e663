package dev.stele.catalog.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import dev.stele.spi.codec.CodecFailure;

/** Field paths ({@code lines[2].sku}) from Jackson's read and write contexts. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Where a read failed: the parser's context, then whatever path {@code failure} carries itself. */
    public static String ofRead(JsonStreamContext context, CodecFailure failure) {
        return join(of(context, false), failure);
    }

    /**
     * Where a write failed. A writer checks an array element before writing it, so the innermost array
     * context has not counted it yet: its element is the one after the last written.
     */
    public static String ofWrite(JsonStreamContext context, CodecFailure failure) {
        return join(of(context, true), failure);
    }

    private static String join(String outer, CodecFailure failure) {
        String inner = failure == null ? "" : failure.path();
        if (outer.isEmpty()) {
            return inner;
        }
        if (inner.isEmpty()) {
            return outer;
        }
        return inner.charAt(0) == '[' ? outer + inner : outer + '.' + inner;
    }

    private static String of(JsonStreamContext context, boolean writing) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String segment;
            if (at.inArray()) {
                int index = writing && at == context ? at.getEntryCount() : at.getCurrentIndex();
                segment = "[" + Math.max(index, 0) + "]";
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
