package dev.stele.maven.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.avro.Schema;

/**
 * Reads the files the processor and the check write under {@code META-INF/stele/} of a class
 * directory or a jar, and writes the schema history.
 */
public final class SchemaFiles {

    public static final String INDEX = "META-INF/stele/index.json";
    public static final String HISTORY = "META-INF/stele/history.json";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Reads resources of one class path root. */
    @FunctionalInterface
    interface Resources {
        /** The resource's content, or null if there is none. */
        byte[] read(String path) throws IOException;
    }

    private SchemaFiles() {
    }

    /**
     * The schemas the processor wrote into a class output directory such as {@code target/classes}.
     * A history file there is ignored: it is what an earlier run of the check wrote, possibly for a
     * schema that failed the check and was never released.
     */
    public static ModuleSchemas readDirectory(Path classes, String release) throws IOException {
        return read(path -> {
            Path file = classes.resolve(path);
            return !path.equals(HISTORY) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }, classes.toString(), release);
    }

    /** The schemas in a jar, such as the released baseline artifact. */
    public static ModuleSchemas readJar(Path jar, String release) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return read(path -> {
                ZipEntry entry = file.getEntry(path);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }, jar.toString(), release);
        }
    }

    static ModuleSchemas read(Resources resources, String origin, String release) throws IOException {
        Map<EventKey, Schema> current = new TreeMap<>();
        byte[] index = resources.read(INDEX);
        if (index != null) {
            for (Map.Entry<EventKey, String> entry : readIndex(index, origin).entrySet()) {
                byte[] schema = resources.read(entry.getValue());
                if (schema == null) {
                    throw new IOException(origin + " lists " + entry.getKey() + " in " + INDEX + " but has no "
                            + entry.getValue());
                }
                current.put(entry.getKey(), parse(new String(schema, StandardCharsets.UTF_8), origin + "!/"
                        + entry.getValue()));
            }
        }
        Map<EventKey, List<ReleasedSchema>> history = new TreeMap<>();
        byte[] historyFile = resources.read(HISTORY);
        if (historyFile != null) {
            readHistory(historyFile, origin, history);
        }
        return new ModuleSchemas(current, history, release);
    }

    /** Event version to schema resource path, from the processor's index. */
    private static Map<EventKey, String> readIndex(byte[] index, String origin) throws IOException {
        Map<EventKey, String> entries = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(index)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, origin, INDEX);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("events")) {
                    parser.skipChildren();
                    continue;
                }
                expect(parser.currentToken() == JsonToken.START_ARRAY, origin, INDEX);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> event = readFlatObject(parser);
                    String name = event.get("name");
                    String version = event.get("version");
                    String schema = event.get("schema");
                    expect(name != null && version != null && schema != null, origin, INDEX);
                    entries.put(new EventKey(name, Integer.parseInt(version)), schema);
                }
            }
        }
        return entries;
    }

    private static void readHistory(byte[] file, String origin, Map<EventKey, List<ReleasedSchema>> history)
            throws IOException {
        try (JsonParser parser = JSON.createParser(file)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, origin, HISTORY);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("schemas")) {
                    parser.skipChildren();
                    continue;
                }
                expect(parser.currentToken() == JsonToken.START_ARRAY, origin, HISTORY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> entry = readFlatObject(parser);
                    expect(entry.get("name") != null && entry.get("version") != null && entry.get("schema") != null,
                            origin, HISTORY);
                    EventKey key = new EventKey(entry.get("name"), Integer.parseInt(entry.get("version")));
                    Schema schema = parse(entry.get("schema"), origin + "!/" + HISTORY);
                    add(history, key, new ReleasedSchema(schema, entry.getOrDefault("release", "")));
                }
            }
        }
    }

    /** Adds {@code schema} to the key's history unless a schema with its fingerprint is there already. */
    static void add(Map<EventKey, List<ReleasedSchema>> history, EventKey key, ReleasedSchema schema) {
        List<ReleasedSchema> schemas = history.computeIfAbsent(key, k -> new ArrayList<>());
        for (ReleasedSchema known : schemas) {
            if (known.fingerprint() == schema.fingerprint()) {
                return;
            }
        }
        schemas.add(schema);
    }

    /**
     * The union of {@code released} history and {@code build}'s current schemas, as the history file
     * of this build: every schema ever released for each event version, oldest first.
     */
    public static Map<EventKey, List<ReleasedSchema>> union(ModuleSchemas released, ModuleSchemas build) {
        Map<EventKey, List<ReleasedSchema>> union = new TreeMap<>();
        for (EventKey key : released.releasedKeys()) {
            released.history(key).forEach(schema -> add(union, key, schema));
        }
        for (EventKey key : build.currentKeys()) {
            build.history(key).forEach(schema -> add(union, key, schema));
        }
        return union;
    }

    /** Writes {@code history} as {@value #HISTORY} under {@code classes}. */
    public static void writeHistory(Path classes, Map<EventKey, List<ReleasedSchema>> history) throws IOException {
        Path file = classes.resolve(HISTORY);
        if (history.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        try (JsonGenerator out = JSON.createGenerator(Files.newOutputStream(file))) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("format", 1);
            out.writeArrayFieldStart("schemas");
            for (Map.Entry<EventKey, List<ReleasedSchema>> entry : new TreeMap<>(history).entrySet()) {
                for (ReleasedSchema released : entry.getValue()) {
                    out.writeStartObject();
                    out.writeStringField("name", entry.getKey().name());
                    out.writeNumberField("version", entry.getKey().version());
                    out.writeStringField("release", released.release());
                    out.writeStringField("fingerprint", String.format("%016x", released.fingerprint()));
                    out.writeStringField("schema", released.schema().toString());
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static Map<String, String> readFlatObject(JsonParser parser) throws IOException {
        Map<String, String> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token.isScalarValue()) {
                values.put(field, parser.getValueAsString());
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    private static Schema parse(String text, String origin) throws IOException {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new IOException("cannot parse the Avro schema in " + origin + ": " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, String origin, String file) throws IOException {
        if (!condition) {
            throw new IOException(origin + "!/" + file + " is not a Stele " + file + " file");
        }
    }
}
