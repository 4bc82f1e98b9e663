package dev.stele.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The module's {@code @Aggregate}s or its {@code @Projection}s and the events each handles, as the processor lists
 * them in {@value SteleResources#AGGREGATES} and {@value SteleResources#PROJECTIONS}: what the event catalogue says
 * about who handles an event, without loading a class. Only handlers compiled in the same module are listed.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "handlers": [
 *     {"name": "order-totals", "javaType": "com.acme.OrderTotals", "events": ["OrderPaid", "OrderPlaced"]},
 *     {"name": "order-totals", "version": 2, "javaType": "com.acme.OrderTotalsV2", "events": ["OrderPlaced"]}
 *   ]
 * }
 * }</pre>
 *
 * <p>A projection's {@code version} is written only when it is not 1, and read as 1 when absent, so an index
 * without versions (every aggregate's, and those written before projections had versions) reads as before.
 *
 * @param handlers sorted by Java type
 */
public record HandlerIndex(List<Handler> handlers) {

    /** The format this Stele writes and the newest it reads. */
    public static final int FORMAT = 1;

    /**
     * One aggregate or projection.
     *
     * @param name an aggregate's category or a projection's name
     * @param javaType the qualified name of the aggregate's state record or the projection's class
     * @param events the names of the events it handles, sorted
     * @param version a projection's version from {@code @Projection(version = …)}, 1 and up; 1 for an aggregate
     */
    public record Handler(String name, String javaType, SortedSet<String> events, int version) {

        public Handler {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(javaType, "javaType");
            events = new TreeSet<>(events);
            if (version < 1) {
                throw new IllegalArgumentException("version " + version + " of " + javaType + " is below 1");
            }
        }

        /** An aggregate, or a projection of version 1. */
        public Handler(String name, String javaType, SortedSet<String> events) {
            this(name, javaType, events, 1);
        }
    }

    public HandlerIndex {
        handlers = handlers.stream().sorted(Comparator.comparing(Handler::javaType)).toList();
    }

    /** The index as the processor writes it, one handler per line, the same handlers giving the same bytes. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"format\": ").append(FORMAT).append(",\n  \"handlers\": [");
        for (int i = 0; i < handlers.size(); i++) {
            Handler handler = handlers.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(JsonText.quote(handler.name()));
            if (handler.version() != 1) {
                json.append(", \"version\": ").append(handler.version());
            }
            json.append(", \"javaType\": ").append(JsonText.quote(handler.javaType()))
                    .append(", \"events\": [");
            int j = 0;
            for (String event : handler.events()) {
                json.append(j++ == 0 ? "" : ", ").append(JsonText.quote(event));
            }
            json.append("]}");
        }
        return json.append(handlers.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /**
     * Reads an index.
     *
     * @param origin where it comes from, for errors
     * @throws FormatException if it is not a complete index of a format this Stele reads
     */
    public static HandlerIndex read(InputStream in, String origin) {
        return JsonText.parse(in, origin, "handler index", parser -> read(parser, origin));
    }

    /** {@link #read(InputStream, String)} of bytes. */
    public static HandlerIndex read(byte[] json, String origin) {
        return read(new ByteArrayInputStream(json), origin);
    }

    private static HandlerIndex read(JsonParser parser, String origin) throws IOException {
        int format = 0;
        List<Handler> handlers = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> format = parser.getValueAsInt(0);
                case "handlers" -> handlers = readHandlers(parser, origin);
                default -> parser.skipChildren();
            }
        }
        JsonText.checkFormat(format, FORMAT, origin, "the handler index");
        if (handlers == null) {
            throw new FormatException(origin, "the handler index lacks its handlers");
        }
        return new HandlerIndex(handlers);
    }

    private static List<Handler> readHandlers(JsonParser parser, String origin) throws IOException {
        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "the array of handlers");
        List<Handler> handlers = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String javaType = null;
            SortedSet<String> events = null;
            int version = 1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "name" -> name = parser.getValueAsString();
                    case "javaType" -> javaType = parser.getValueAsString();
                    case "version" -> version = parser.getValueAsInt(0);
                    case "events" -> {
                        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "an array of event names");
                        events = new TreeSet<>();
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            events.add(parser.getText());
                        }
                        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of an array of event names");
                    }
                    default -> parser.skipChildren();
                }
            }
            if (name == null || javaType == null || events == null) {
                throw new FormatException(origin, "handler " + (handlers.size() + 1) + " of the index lacks its name,"
                        + " javaType or events");
            }
            if (version < 1) {
                throw new FormatException(origin, "handler " + (handlers.size() + 1) + " of the index has version "
                        + version + "; versions start at 1");
            }
            handlers.add(new Handler(name, javaType, events, version));
        }
        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of the handlers");
        return handlers;
    }
}
