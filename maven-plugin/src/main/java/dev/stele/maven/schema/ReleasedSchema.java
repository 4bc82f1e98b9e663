package dev.stele.maven.schema;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema of one event version as a release shipped it.
 *
 * @param release the version of the module that first shipped it; empty if not recorded
 * @param fingerprint the CRC-64-AVRO fingerprint of the schema's parsing canonical form
 */
public record ReleasedSchema(Schema schema, String release, long fingerprint) {

    public ReleasedSchema(Schema schema, String release) {
        this(schema, release, SchemaNormalization.parsingFingerprint64(schema));
    }

    /** {@code 1.3.0}, or {@code an earlier release} when the release was not recorded. */
    public String releaseLabel() {
        return release.isEmpty() ? "an earlier release" : release;
    }
}
