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

/**
 * A module's events, as the processor lists them in {@value SteleResources#INDEX}: what the runtime
 * checks its catalogs against and the schema check reads, without loading a class.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "catalog": "com.acme.orders.SteleCatalog",
 *   "events": [
 *     {"name": "OrderPlaced", "version": 1, "javaType": "com.acme.orders.OrderPlacedV1", "fingerprint": "29af2caf89d89ef0",
 *      "upcastTo": 2, "upcastMethod": "OrderPlacedV1.up"},
 *     {"name": "OrderPlaced", "version": 2, "javaType": "com.acme.orders.OrderPlaced", "fingerprint": "b3d16c681d08ba57"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Each event's schema is at {@link SteleResources#schema(String, int)}. The text is written
 * deterministically: the same events give the same bytes.
 *
 * @param catalog the qualified name of the generated catalog class
 * @param events sorted by name, then version
 */
public record EventIndex(String catalog, List<Entry> events) {

    /** The format this Stele writes and the newest it reads. */
    public static final int FORMAT = 1;

    /**
     * One event version.
     *
     * @param javaType the qualified name of its record
     * @param fingerprint the CRC-64-AVRO fingerprint of its schema's parsing canonical form
     * @param upcastTo the later version its {@code @Upcast} method returns, or 0 if it has none (the latest
     *     version, or an index written before Stele recorded upcasts)
     * @param upcastMethod that method, as {@code OrderPlacedV1.up}; empty if it has none
     */
    public record Entry(String name, int version, String javaType, long fingerprint, int upcastTo,
            String upcastMethod) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(javaType, "javaType");
            Objects.requireNonNull(upcastMethod, "upcastMethod");
            if (version < 1) {
                throw new IllegalArgumentException(name + ": version " + version + " is not positive");
            }
            if (upcastTo != 0 && upcastTo <= version) {
                throw new IllegalArgumentException(name + " v" + version + ": an upcast leads to a later version, not "
                        + upcastTo);
            }
        }

        /** An event version without an {@code @Upcast}. */
        public Entry(String name, int version, String javaType, long fingerprint) {
            this(name, version, javaType, fingerprint, 0, "");
        }

        /** Whether the version has an {@code @Upcast} to a later one. */
        public boolean hasUpcast() {
            return upcastTo != 0;
        }

        /** Where the event version's Avro schema is. */
        public String schemaResource() {
            return SteleResources.schema(name, version);
        }
    }

    public EventIndex {
        Objects.requireNonNull(catalog, "catalog");
        events = events.stream()
                .sorted(Comparator.comparing(Entry::name).thenComparingInt(Entry::version))
                .toList();
    }

    /** The index as the processor writes it, one event per line. */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"format\": ").append(FORMAT).append(",\n  \"catalog\": ").append(JsonText.quote(catalog))
                .append(",\n  \"events\": [");
        for (int i = 0; i < events.size(); i++) {
            Entry event = events.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ").append(JsonText.quote(event.name()))
                    .append(", \"version\": ").append(event.version())
                    .append(", \"javaType\": ").append(JsonText.quote(event.javaType()))
                    .append(", \"fingerprint\": ").append(JsonText.quote(Fingerprints.toHex(event.fingerprint())));
            if (event.hasUpcast()) {
                json.append(", \"upcastTo\": ").append(event.upcastTo())
                        .append(", \"upcastMethod\": ").append(JsonText.quote(event.upcastMethod()));
            }
            json.append('}');
        }
        return json.append(events.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /**
     * Reads an index.
     *
     * @param origin where it comes from, for errors
     * @throws FormatException if it is not a complete index of a format this Stele reads
     */
    public static EventIndex read(InputStream in, String origin) {
        return JsonText.parse(in, origin, "event index", parser -> read(parser, origin));
    }

    /** {@link #read(InputStream, String)} of bytes. */
    public static EventIndex read(byte[] json, String origin) {
        return read(new ByteArrayInputStream(json), origin);
    }

    private static EventIndex read(JsonParser parser, String origin) throws IOException {
        int format = 0;
        String catalog = null;
        List<Entry> events = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> format = parser.getValueAsInt(0);
                case "catalog" -> catalog = parser.getValueAsString();
                case "events" -> events = readEntries(parser, origin);
                default -> parser.skipChildren();
            }
        }
        JsonText.checkFormat(format, FORMAT, origin, "the event index");
        if (catalog == null || events == null) {
            throw new FormatException(origin, "the event index lacks its catalog or its events");
        }
        return new EventIndex(catalog, events);
    }

    private static List<Entry> readEntries(JsonParser parser, String origin) throws IOException {
        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "the array of events");
        List<Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            int version = 0;
            String javaType = null;
            String fingerprint = null;
            int upcastTo = 0;
            String upcastMethod = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "name" -> name = parser.getValueAsString();
                    case "version" -> version = parser.getValueAsInt(0);
                    case "javaType" -> javaType = parser.getValueAsString();
                    case "fingerprint" -> fingerprint = parser.getValueAsString();
                    case "upcastTo" -> upcastTo = parser.getValueAsInt(0);
                    case "upcastMethod" -> upcastMethod = parser.getValueAsString("");
                    default -> parser.skipChildren();
                }
            }
            if (name == null || version < 1 || javaType == null || fingerprint == null) {
                throw new FormatException(origin, "event " + (entries.size() + 1) + " of the index lacks its name,"
                        + " version, javaType or fingerprint");
            }
            if (upcastTo != 0 && upcastTo <= version) {
                throw new FormatException(origin, name + " v" + version + " of the index upcasts to version " + upcastTo
                        + ", which is not later");
            }
            entries.add(new Entry(name, version, javaType, Fingerprints.fromHex(fingerprint, origin), upcastTo,
                    upcastMethod));
        }
        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of the events");
        return entries;
    }
}
