package dev.stele.maven.catalog;

import dev.stele.format.EventIndex;
import dev.stele.format.Fingerprints;
import dev.stele.format.FormatException;
import dev.stele.format.HandlerIndex;
import dev.stele.format.SchemaHistory;
import dev.stele.format.SteleResources;
import dev.stele.format.TableIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * Reads the catalogue from what a build leaves under {@code META-INF/stele/} of its class directory: the event index
 * (versions, records, upcasts), each version's Avro schema (fields, types, defaults, aliases), the schema history
 * {@code stele:check} writes (which release introduced each version), the table index ({@code @FromTable}) and the
 * aggregate and projection indexes (who handles each event).
 * No class of the module is loaded.
 */
public final class CatalogReader {

    private CatalogReader() {
    }

    /** Whether {@code classes} holds an event index: whether the processor ran on the module's events. */
    public static boolean hasIndex(Path classes) {
        return Files.isRegularFile(classes.resolve(SteleResources.INDEX));
    }

    /**
     * The catalogue of the module whose classes are in {@code classes}.
     *
     * @throws NoSuchFileException if there is no event index, or the index lists a schema that is not there
     * @throws FormatException if a file is damaged or of a newer format
     */
    public static EventCatalog read(Path classes, String module, String moduleVersion) throws IOException {
        Path indexFile = classes.resolve(SteleResources.INDEX);
        EventIndex index = EventIndex.read(Files.readAllBytes(indexFile), indexFile.toString());

        Path historyFile = classes.resolve(SteleResources.HISTORY);
        boolean hasHistory = Files.isRegularFile(historyFile);
        Map<String, List<String>> releases = new TreeMap<>();
        if (hasHistory) {
            for (SchemaHistory.Entry entry
                    : SchemaHistory.read(Files.readAllBytes(historyFile), historyFile.toString()).entries()) {
                List<String> known = releases.computeIfAbsent(key(entry.name(), entry.version()),
                        k -> new ArrayList<>());
                if (!entry.release().isEmpty() && !known.contains(entry.release())) {
                    known.add(entry.release());
                }
            }
        }

        Path tablesFile = classes.resolve(SteleResources.TABLES);
        Map<String, SortedSet<String>> tablesByRecord = new TreeMap<>();
        if (Files.isRegularFile(tablesFile)) {
            for (TableIndex.Table table : TableIndex.read(Files.readAllBytes(tablesFile), tablesFile.toString())
                    .tables()) {
                table.records().forEach(record -> tablesByRecord.computeIfAbsent(record, r -> new TreeSet<>())
                        .add(table.table()));
            }
        }

        Map<String, List<EventCatalog.Handler>> handlers = new TreeMap<>();
        readHandlers(classes, SteleResources.AGGREGATES, "aggregate", handlers);
        readHandlers(classes, SteleResources.PROJECTIONS, "projection", handlers);

        Map<String, List<EventCatalog.Version>> byName = new LinkedHashMap<>();
        for (EventIndex.Entry entry : index.events()) { // sorted by name, then version
            Path schemaFile = classes.resolve(entry.schemaResource());
            Schema schema = parse(Files.readAllBytes(schemaFile), schemaFile);
            Optional<EventCatalog.Upcast> upcast = entry.hasUpcast()
                    ? Optional.of(new EventCatalog.Upcast(entry.upcastTo(), entry.upcastMethod()))
                    : Optional.empty();
            byName.computeIfAbsent(entry.name(), n -> new ArrayList<>()).add(new EventCatalog.Version(
                    entry.version(), entry.javaType(), Fingerprints.toHex(entry.fingerprint()), fields(schema),
                    upcast, releases.getOrDefault(key(entry.name(), entry.version()), List.of()),
                    List.copyOf(tablesByRecord.getOrDefault(entry.javaType(), new TreeSet<>()))));
        }
        List<EventCatalog.Event> events = new ArrayList<>();
        byName.forEach((name, versions) -> events.add(new EventCatalog.Event(name, versions,
                handlers.getOrDefault(name, List.of()))));
        return new EventCatalog(module, moduleVersion, hasHistory, events);
    }

    /** Adds the handlers listed in {@code resource}, if the module has it, to the events they handle. */
    private static void readHandlers(Path classes, String resource, String kind,
            Map<String, List<EventCatalog.Handler>> byEvent) throws IOException {
        Path file = classes.resolve(resource);
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (HandlerIndex.Handler handler : HandlerIndex.read(Files.readAllBytes(file), file.toString()).handlers()) {
            handler.events().forEach(event -> byEvent.computeIfAbsent(event, e -> new ArrayList<>())
                    .add(new EventCatalog.Handler(kind, handler.name(), handler.javaType(), handler.version())));
        }
    }

    private static List<EventCatalog.Field> fields(Schema schema) {
        List<EventCatalog.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            Optional<String> defaultValue = field.hasDefaultValue()
                    ? Optional.of(FieldTypes.json(field.defaultVal()))
                    : Optional.empty();
            fields.add(new EventCatalog.Field(field.name(), FieldTypes.describe(field.schema()),
                    FieldTypes.optional(field.schema()), defaultValue, List.copyOf(new TreeSet<>(field.aliases()))));
        }
        return fields;
    }

    private static String key(String name, int version) {
        return name + " v" + version;
    }

    private static Schema parse(byte[] text, Path file) {
        try {
            return new Schema.Parser().parse(new String(text, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new FormatException(file.toString(), "not an Avro schema: " + e.getMessage(), e);
        }
    }
}
