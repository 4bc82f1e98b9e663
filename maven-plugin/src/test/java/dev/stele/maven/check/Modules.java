package dev.stele.maven.check;

import dev.stele.maven.schema.EventKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        StringBuilder index = new StringBuilder("{\"format\":1,\"catalog\":\"test.SteleCatalog\",\"events\":[");
        boolean first = true;
        for (Map.Entry<EventKey, Schema> entry : new TreeMap<>(schemas).entrySet()) {
            EventKey key = entry.getKey();
            String resource = "META-INF/stele/schemas/" + key.name() + "/v" + key.version() + ".avsc";
            Path file = root.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue().toString(), StandardCharsets.UTF_8);
            index.append(first ? "" : ",").append("{\"name\":\"").append(key.name()).append("\",\"version\":")
                    .append(key.version()).append(",\"fingerprint\":\"")
                    .append(String.format("%016x", SchemaNormalization.parsingFingerprint64(entry.getValue())))
                    .append("\",\"schema\":\"").append(resource).append("\"}");
            first = false;
        }
        Path indexFile = root.resolve("META-INF/stele/index.json");
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, index.append("]}").toString(), StandardCharsets.UTF_8);
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
