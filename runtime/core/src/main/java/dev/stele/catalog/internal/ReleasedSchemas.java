package dev.stele.catalog.internal;

import dev.stele.catalog.CatalogException;
import dev.stele.format.FormatException;
import dev.stele.format.Fingerprints;
import dev.stele.format.SchemaHistory;
import dev.stele.format.SteleResources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * Every released schema of every module's {@link SchemaHistory} on the class path, by fingerprint: how
 * Avro data written by an earlier release finds its writer schema.
 */
public final class ReleasedSchemas {

    private final Map<Long, SchemaHistory.Entry> byFingerprint;

    private ReleasedSchemas(Map<Long, SchemaHistory.Entry> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    public static ReleasedSchemas empty() {
        return new ReleasedSchemas(Collections.emptyMap());
    }

    /** Reads every history file {@code loader} sees. */
    public static ReleasedSchemas load(ClassLoader loader) {
        Map<Long, SchemaHistory.Entry> entries = new HashMap<>();
        try {
            Enumeration<URL> resources = loader.getResources(SteleResources.HISTORY);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                try (InputStream in = url.openStream()) {
                    for (SchemaHistory.Entry entry : SchemaHistory.read(in, url.toString()).entries()) {
                        add(entries, entry, url);
                    }
                } catch (FormatException e) {
                    throw new CatalogException("cannot read the schema history " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new CatalogException("cannot read the schema history " + url + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new CatalogException("cannot list " + SteleResources.HISTORY + " resources: " + e.getMessage(), e);
        }
        return new ReleasedSchemas(Map.copyOf(entries));
    }

    private static void add(Map<Long, SchemaHistory.Entry> entries, SchemaHistory.Entry entry, URL url) {
        SchemaHistory.Entry known = entries.putIfAbsent(entry.fingerprint(), entry);
        if (known != null && !(known.name().equals(entry.name()) && known.version() == entry.version())) {
            throw new CatalogException("schema fingerprint " + Fingerprints.toHex(entry.fingerprint())
                    + " belongs to both " + known.name() + " v" + known.version() + " and " + entry.name() + " v"
                    + entry.version() + " in " + url);
        }
    }

    /** The released schema with {@code fingerprint}, or null. */
    public SchemaHistory.Entry find(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }
}
