package dev.stele.catalog;

import dev.stele.format.SchemaHistory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Where a catalog finds Avro writer schemas it does not carry: those of event versions newer than the
 * application knows, written by a later release of the module (a service that upgraded first). The
 * catalog already knows every schema of its own modules and their schema history; a source is only
 * asked for a fingerprint neither holds.
 *
 * <p>Give the catalog the later release's schemas: its schema history
 * ({@code META-INF/stele/history.json} of the newer jar, {@link #of(SchemaHistory)}), a set of schemas
 * ({@link #of(Collection)}), or a lookup of your own, such as a schema registry client. Sources are
 * asked from any thread, once per fingerprint: the catalog remembers what they found and what they did
 * not (a catalog made again with the source asks again). An answer whose fingerprint is not the one asked
 * for, or a source that throws, is a {@link CatalogException}.
 */
@FunctionalInterface
public interface SchemaSource {

    /** The writer schema whose CRC-64-AVRO parsing fingerprint is {@code fingerprint}, if this source has it. */
    Optional<Schema> find(long fingerprint);

    /** A source that has no schema. */
    static SchemaSource none() {
        return fingerprint -> Optional.empty();
    }

    /** A source of exactly these schemas. */
    static SchemaSource of(Collection<Schema> schemas) {
        Map<Long, Schema> byFingerprint = new HashMap<>();
        schemas.forEach(schema -> byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema));
        Map<Long, Schema> copy = Map.copyOf(byFingerprint);
        return fingerprint -> Optional.ofNullable(copy.get(fingerprint));
    }

    /** A source of every schema a release's history holds, such as a newer jar's {@code history.json}. */
    static SchemaSource of(SchemaHistory history) {
        return of(history.entries().stream().map(SchemaHistory.Entry::schema).toList());
    }
}
