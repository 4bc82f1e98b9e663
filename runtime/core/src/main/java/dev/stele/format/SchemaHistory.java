package dev.stele.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every schema each event version was released with, as {@code stele:check} writes it into a module's
 * jar ({@value SteleResources#HISTORY}): how Avro data written by an earlier release finds its writer
 * schema, and what the next release's check compares against.
 *
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "schemas" : [ {
 *     "name" : "OrderPlaced",
 *     "version" : 1,
 *     "release" : "1.0.0",
 *     "fingerprint" : "29af2caf89d89ef0",
 *     "schema" : "{\"type\":\"record\",…}"
 *   } ]
 * }
 * }</pre>
 *
 * <p>A reader computes each fingerprint from the schema and refuses a file whose written fingerprint
 * disagrees: a damaged history must not lead data to the wrong schema.
 *
 * @param entries sorted by name and version; within one version, oldest release first
 */
public record SchemaHistory(List<Entry> entries) {

    /** The format this Stele writes and the newest it reads. */
    public static final int FORMAT = 1;

    /**
     * One released schema of one event version.
     *
     * @param release the version of the module that first shipped it; empty if not recorded
     * @param fingerprint the CRC-64-AVRO fingerprint of the schema's parsing canonical form
     */
    public record Entry(String name, int version, String release, Schema schema, long fingerprint) {

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(schema, "schema");
        }

        /** An entry whose fingerprint is computed from {@code schema}. */
        public static Entry of(String name, int version, String release, Schema schema) {
            return new Entry(name, version, release, schema, SchemaNormalization.parsingFingerprint64(schema));
        }
    }

    public SchemaHistory {
        // a stable sort: the releases of one version keep their order
        entries = entries.stream()
                .sorted(Comparator.comparing(Entry::name).thenComparingInt(Entry::version))
                .toList();
    }

    /** The file's text, pretty-printed with {@code \n} line ends. */
    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JsonText.FACTORY.createGenerator(bytes)) {
            out.setPrettyPrinter(JsonText.prettyPrinter());
            out.writeStartObject();
            out.writeNumberField("format", FORMAT);
            out.writeArrayFieldStart("schemas");
            for (Entry entry : entries) {
                out.writeStartObject();
                out.writeStringField("name", entry.name());
                out.writeNumberField("version", entry.version());
                out.writeStringField("release", entry.release());
                out.writeStringField("fingerprint", Fingerprints.toHex(entry.fingerprint()));
                out.writeStringField("schema", entry.schema().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (bytes.toString(StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a history.
     *
     * @param origin where it comes from, for errors
     * @throws FormatException if it is damaged, incomplete, or of a format this Stele does not read
     */
    public static SchemaHistory read(InputStream in, String origin) {
        return JsonText.parse(in, origin, "schema history", parser -> read(parser, origin));
    }

    /** {@link #read(InputStream, String)} of bytes. */
    public static SchemaHistory read(byte[] json, String origin) {
        return read(new ByteArrayInputStream(json), origin);
    }

    private static SchemaHistory read(JsonParser parser, String origin) throws IOException {
        int format = 0;
        List<Entry> entries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> format = parser.getValueAsInt(0);
                case "schemas" -> entries = readEntries(parser, origin);
                default -> parser.skipChildren();
            }
        }
        JsonText.checkFormat(format, FORMAT, origin, "the schema history");
        if (entries == null) {
            throw new FormatException(origin, "the schema history lacks its schemas");
        }
        return new SchemaHistory(entries);
    }

    private static List<Entry> readEntries(JsonParser parser, String origin) throws IOException {
        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "the array of schemas");
        List<Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            int version = 0;
            String release = "";
            String fingerprint = null;
            String schemaText = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "name" -> name = parser.getValueAsString();
                    case "version" -> version = parser.getValueAsInt(0);
                    case "release" -> release = parser.getValueAsString("");
                    case "fingerprint" -> fingerprint = parser.getValueAsString();
                    case "schema" -> schemaText = parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
            String at = "schema " + (entries.size() + 1) + " of the history";
            if (name == null || version < 1 || schemaText == null) {
                throw new FormatException(origin, at + " lacks its name, version or schema");
            }
            Schema schema;
            try {
                schema = new Schema.Parser().parse(schemaText);
            } catch (RuntimeException e) {
                throw new FormatException(origin, at + " (" + name + " v" + version + ") is not an Avro schema: "
                        + e.getMessage(), e);
            }
            Entry entry = Entry.of(name, version, release, schema);
            if (fingerprint != null && Fingerprints.fromHex(fingerprint, origin) != entry.fingerprint()) {
                throw new FormatException(origin, at + " (" + name + " v" + version + ") says fingerprint "
                        + fingerprint + " but its schema's is " + Fingerprints.toHex(entry.fingerprint())
                        + ": the file is damaged");
            }
            entries.add(entry);
        }
        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of the schemas");
        return entries;
    }
}
