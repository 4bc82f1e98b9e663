package dev.stele.maven.check;

/** What a violation broke. The names appear in messages and in {@code <acceptedBreaks>}. */
public enum Rule {
    /** A released event version is gone: its stored events could no longer be read. */
    EVENT_REMOVED,
    /** A field's type changed in a way Avro cannot resolve in the direction checked. */
    TYPE_CHANGED,
    /** A field was added without a default: data written before it lacks the value. */
    FIELD_ADDED_WITHOUT_DEFAULT,
    /** A field released readers require (no default there) is no longer written. */
    FIELD_REMOVED_WITHOUT_DEFAULT,
    /** A field was renamed with an {@code @Alias}: this build reads old data, old readers cannot read new data. */
    FIELD_RENAMED,
    /** An enum lost a symbol that released data may hold. */
    ENUM_SYMBOL_REMOVED,
    /** An enum gained a symbol that released readers do not know. */
    ENUM_SYMBOL_ADDED,
    /** An optional field became required, or a union lost a branch. */
    UNION_BRANCH_REMOVED,
    /** A nested record or enum changed its name. */
    NAME_CHANGED,
    /** A fixed type changed its size. */
    FIXED_SIZE_CHANGED,
    /** A timestamp's unit or kind, a date or a uuid changed: the bytes read the same but mean something else. */
    LOGICAL_TYPE_CHANGED,
    /** A decimal's scale changed: 12.34 would read as 0.1234. */
    DECIMAL_SCALE_CHANGED,
    /** A decimal's precision was lowered: released values may not fit. */
    DECIMAL_PRECISION_LOWERED,
    /** A decimal's precision was raised: readers deployed with the release read at the old one. */
    DECIMAL_PRECISION_RAISED,
    /**
     * A new version of an event cannot be read by the readers already deployed, which know only the
     * previous latest version and read the new one with its reader.
     */
    NEW_VERSION_UNREADABLE,
    /**
     * A field's type changed to one Avro resolution converts with a change of value: {@code long} or
     * {@code int} to {@code float}, {@code long} to {@code double} (rounding past 2^24 / 2^53), or
     * {@code bytes} to {@code string} and back (in JSON a {@code byte[]} is Base64 text).
     */
    VALUE_CHANGING_PROMOTION,
    /** Warning: a field's default changed, so old data now reads differently. */
    DEFAULT_CHANGED,
    /** Warning: an enum default hides an added or removed symbol instead of failing. */
    ENUM_DEFAULT_MASKS_SYMBOL
}
