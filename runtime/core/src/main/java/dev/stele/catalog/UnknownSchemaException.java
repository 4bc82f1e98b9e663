package dev.stele.catalog;

import dev.stele.SteleException;

/**
 * Avro data whose writer-schema fingerprint matches neither a current schema nor one in the schema
 * history on the class path: written by a release whose schemas this application does not carry.
 */
public class UnknownSchemaException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;

    public UnknownSchemaException(long fingerprint) {
        super("no known schema has fingerprint " + String.format("%016x", fingerprint)
                + "; the data was written by a release whose schemas this application does not carry: put that"
                + " release's schema history on the class path, or give the catalog its schemas with"
                + " Catalog.withSchemaSource");
        this.fingerprint = fingerprint;
    }

    /** The CRC-64-AVRO fingerprint from the data's header. */
    public long fingerprint() {
        return fingerprint;
    }
}
