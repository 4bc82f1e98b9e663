package dev.stele.catalog;

/** The two encodings of an event. */
public enum Format {
    /** One JSON object per event, field names as the record's component names. */
    JSON,
    /** Avro binary, as single-object encoding: {@code C3 01}, the schema fingerprint, the body. */
    AVRO
}
