package dev.stele.catalog.internal;

import dev.stele.catalog.CatalogException;
import dev.stele.catalog.SchemaSource;
import dev.stele.format.EventSchemaNames;
import dev.stele.format.Fingerprints;
import dev.stele.format.SchemaHistory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Finds the writer schema of Avro data whose fingerprint is not a registered event version's current
 * one: in the schema history on the class path, else in the catalog's {@link SchemaSource}, whose answers
 * (found or not) are remembered and checked: a schema whose fingerprint is not the one asked for is an
 * error, never data read with the wrong schema.
 */
public final class WriterSchemas {

    /** A writer schema and the event version it was written as. */
    public record Written(String name, int version, Schema schema) {
    }

    private final ReleasedSchemas history;
    private final SchemaSource source;
    private final Map<Long, Optional<Written>> fromSource = new ConcurrentHashMap<>();

    public WriterSchemas(ReleasedSchemas history, SchemaSource source) {
        this.history = history;
        this.source = source;
    }

    /** The same history with another source. */
    public WriterSchemas withSource(SchemaSource other) {
        return new WriterSchemas(history, other);
    }

    /** The writer schema with {@code fingerprint}, or empty if neither the history nor the source has it. */
    public Optional<Written> find(long fingerprint) {
        SchemaHistory.Entry released = history.find(fingerprint);
        if (released != null) {
            return Optional.of(new Written(released.name(), released.version(), released.schema()));
        }
        return fromSource.computeIfAbsent(fingerprint, this::ask);
    }

    private Optional<Written> ask(long fingerprint) {
        Optional<Schema> found;
        try {
            found = source.find(fingerprint);
        } catch (RuntimeException e) {
            throw new CatalogException("the schema source failed to look up fingerprint "
                    + Fingerprints.toHex(fingerprint) + ": " + e, e);
        }
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        Schema schema = found.get();
        long actual = SchemaNormalization.parsingFingerprint64(schema);
        if (actual != fingerprint) {
            throw new CatalogException("the schema source answered fingerprint " + Fingerprints.toHex(fingerprint)
                    + " with " + schema.getFullName() + ", whose fingerprint is " + Fingerprints.toHex(actual)
                    + "; data must not be read with another schema than it was written with");
        }
        EventSchemaNames.Named named = EventSchemaNames.of(schema).orElseThrow(() -> new CatalogException(
                "the schema source answered fingerprint " + Fingerprints.toHex(fingerprint) + " with "
                        + schema.getFullName() + ", which is not named as a Stele event schema (stele.v<version>.<Name>)"));
        return Optional.of(new Written(named.name(), named.version(), schema));
    }
}
