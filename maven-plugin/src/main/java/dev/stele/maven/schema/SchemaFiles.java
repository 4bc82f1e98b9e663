package dev.stele.maven.schema;

import dev.stele.format.EventIndex;
import dev.stele.format.FormatException;
import dev.stele.format.SchemaHistory;
import dev.stele.format.SteleResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.avro.Schema;

/**
 * Reads the files the processor and the check leave under {@code META-INF/stele/} of a class directory
 * or a jar, and writes the schema history, through their owner in {@code stele-runtime}
 * ({@link EventIndex}, {@link SchemaHistory}).
 */
public final class SchemaFiles {

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
            return !path.equals(SteleResources.HISTORY) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
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
        try {
            Map<EventKey, Schema> current = new TreeMap<>();
            byte[] index = resources.read(SteleResources.INDEX);
            if (index != null) {
                for (EventIndex.Entry entry : EventIndex.read(index, origin + "!/" + SteleResources.INDEX).events()) {
                    EventKey key = new EventKey(entry.name(), entry.version());
                    byte[] schema = resources.read(entry.schemaResource());
                    if (schema == null) {
                        throw new IOException(origin + " lists " + key + " in " + SteleResources.INDEX + " but has no "
                                + entry.schemaResource());
                    }
                    current.put(key, parse(new String(schema, StandardCharsets.UTF_8),
                            origin + "!/" + entry.schemaResource()));
                }
            }
            Map<EventKey, List<ReleasedSchema>> history = new TreeMap<>();
            byte[] historyFile = resources.read(SteleResources.HISTORY);
            if (historyFile != null) {
                for (SchemaHistory.Entry entry
                        : SchemaHistory.read(historyFile, origin + "!/" + SteleResources.HISTORY).entries()) {
                    add(history, new EventKey(entry.name(), entry.version()),
                            new ReleasedSchema(entry.schema(), entry.release(), entry.fingerprint()));
                }
            }
            return new ModuleSchemas(current, history, release);
        } catch (FormatException e) {
            throw new IOException(e.getMessage(), e);
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

    /** Writes {@code history} as the schema history under {@code classes}. */
    public static void writeHistory(Path classes, Map<EventKey, List<ReleasedSchema>> history) throws IOException {
        Path file = classes.resolve(SteleResources.HISTORY);
        if (history.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        List<SchemaHistory.Entry> entries = new ArrayList<>();
        new TreeMap<>(history).forEach((key, schemas) -> schemas.forEach(released -> entries.add(
                SchemaHistory.Entry.of(key.name(), key.version(), released.release(), released.schema()))));
        Files.createDirectories(file.getParent());
        Files.write(file, new SchemaHistory(entries).toJson());
    }

    private static Schema parse(String text, String origin) throws IOException {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new IOException("cannot parse the Avro schema in " + origin + ": " + e.getMessage(), e);
        }
    }
}
