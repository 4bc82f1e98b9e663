package dev.stele.catalog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every schema ever released for each {@code (name, version)}, as the {@code stele:check} goal
 * writes it into a module's jar ({@value #RESOURCE}), keyed by fingerprint: how Avro data written by
 * an earlier release finds its writer schema.
 *
 * <p>The file is {@code {"schemas": [{"name": …, "version": …, "schema": "<the .avsc text>"}, …]}};
 * the fingerprint is computed from the schema, never trusted from the file.
 */
public final class SchemaHistory {

    /** Where each module's history lives on the class path. */
    public static final String RESOURCE = "META-INF/stele/history.json";

    /** A released writer schema of one event version. */
    public record Entry(String name, int version, Schema schema, long fingerprint) {
    }

    private final Map<Long, Entry> byFingerprint;

    private SchemaHistory(Map<Long, Entry> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    public static SchemaHistory empty() {
        return new SchemaHistory(Collections.emptyMap());
    }

    /** Reads every history file {@code loader} sees. */
    public static SchemaHistory load(ClassLoader loader, JsonFactory json) {
        Map<Long, Entry> entries = new HashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                try (InputStream in = url.openStream(); JsonParser parser = json.createParser(in)) {
                    read(parser, url, entries);
                } catch (IOException | RuntimeException e) {
                    throw new CatalogException("cannot read the schema history " + url + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new CatalogException("cannot list " + RESOURCE + " resources: " + e.getMessage(), e);
        }
        return new SchemaHistory(Map.copyOf(entries));
    }

    public Entry find(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    private static void read(JsonParser parser, URL url, Map<Long, Entry> entries) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, url);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (!field.equals("schemas")) {
                parser.skipChildren();
                continue;
            }
            expect(parser.currentToken(), JsonToken.START_ARRAY, url);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Entry entry = readEntry(parser, url);
                Entry known = entries.putIfAbsent(entry.fingerprint(), entry);
                if (known != null && !(known.name().equals(entry.name()) && known.version() == entry.version())) {
                    throw new CatalogException("schema fingerprint " + String.format("%016x", entry.fingerprint())
                            + " belongs to both " + known.name() + " v" + known.version() + " and " + entry.name()
                            + " v" + entry.version() + " in " + url);
                }
            }
        }
    }

    private static Entry readEntry(JsonParser parser, URL url) throws IOException {
        String name = null;
        int version = 0;
        String schemaText = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "name":
                    name = parser.getText();
                    break;
                case "version":
                    version = parser.getIntValue();
                    break;
                case "schema":
                    schemaText = parser.getValueAsString();
                    break;
                default:
                    parser.skipChildren();
            }
        }
        if (name == null || version < 1 || schemaText == null) {
            throw new CatalogException("an entry of " + url + " lacks its name, version or schema");
        }
        Schema schema = new Schema.Parser().parse(schemaText);
        return new Entry(name, version, schema, SchemaNormalization.parsingFingerprint64(schema));
    }

    private static void expect(JsonToken actual, JsonToken expected, URL url) {
        if (actual != expected) {
            throw new CatalogException(url + " is not a Stele schema history: expected " + expected + ", found "
                    + actual);
        }
    }
}
