package dev.stele.maven.inspect;

import dev.stele.inspect.Inspector;
import dev.stele.inspect.StreamFilter;
import dev.stele.inspect.format.StatusText;

/** {@code stele:streams}: the categories, then the streams the filter selects, as tables. */
public final class StreamsReport {

    private StreamsReport() {
    }

    /**
     * @param category only this category's streams (and no category table), or null
     * @param stream streams whose id begins with this (or a whole stream name {@code category-id}), or null
     */
    public static String text(Inspector inspector, String category, String stream, int limit) {
        StreamFilter filter = StreamFilter.all().limit(limit);
        String resolvedCategory = category;
        String idPrefix = null;
        if (stream != null) {
            if (resolvedCategory == null) {
                int dash = stream.indexOf('-');
                if (dash > 0) {
                    resolvedCategory = stream.substring(0, dash);
                    idPrefix = stream.substring(dash + 1);
                } else {
                    resolvedCategory = stream;
                }
            } else {
                idPrefix = stream;
            }
        }
        if (resolvedCategory != null) {
            filter = filter.inCategory(resolvedCategory);
        }
        if (idPrefix != null && !idPrefix.isEmpty()) {
            filter = filter.withIdPrefix(idPrefix);
        }
        StringBuilder out = new StringBuilder();
        if (category == null && stream == null) {
            out.append(StatusText.categories(inspector.categories())).append('\n');
        }
        out.append(StatusText.streams(inspector.streams(filter)));
        return out.toString();
    }
}
