package dev.stele.maven.check;

import dev.stele.format.EventIndex;
import dev.stele.format.SteleResources;
import dev.stele.maven.schema.EventKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Writes what the processor writes (index and schemas) into a class directory, and packs a class
 * directory as the released jar, so the check runs on real files.
 */
final class Modules {

    private Modules() {
    }

    static Path classes(Path root, Map<EventKey, Schema> schemas) throws IOException {
        Files.createDirectories(root);
        List<EventIndex.Entry> events = new ArrayList<>();
        for (Map.Entry<EventKey, Schema> entry : new TreeMap<>(schemas).entrySet()) {
            EventKey key = entry.getKey();
            EventIndex.Entry event = new EventIndex.Entry(key.name(), key.version(), "test." + key.name(),
                    SchemaNormalization.parsingFingerprint64(entry.getValue()));
            Path file = root.resolve(event.schemaResource());
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue().toString(), StandardCharsets.UTF_8);
            events.add(event);
        }
        Path indexFile = root.resolve(SteleResources.INDEX);
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, new EventIndex("test.SteleCatalog", events).toJson(), StandardCharsets.UTF_8);
        return root;
    }

    static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
