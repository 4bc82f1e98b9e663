package dev.stele.replication.internal;

import dev.stele.spi.ColumnKind;

/**
 * The built-in PostgreSQL types a {@code @FromTable} component can be read from, by their fixed OIDs
 * ({@code pg_type.oid} below 10000 never changes), and which component kinds each can fill.
 */
public final class PgTypes {

    static final int BOOL = 16;
    static final int BYTEA = 17;
    static final int CHAR = 18;
    static final int NAME = 19;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int OID = 26;
    static final int JSON = 114;
    static final int XML = 142;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int BPCHAR = 1042;
    static final int VARCHAR = 1043;
    static final int DATE = 1082;
    static final int TIME = 1083;
    static final int TIMESTAMP = 1114;
    static final int TIMESTAMPTZ = 1184;
    static final int INTERVAL = 1186;
    static final int TIMETZ = 1266;
    static final int NUMERIC = 1700;
    static final int UUID = 2950;
    static final int JSONB = 3802;
    static final int BOOL_ARRAY = 1000;
    static final int INT2_ARRAY = 1005;
    static final int INT4_ARRAY = 1007;
    static final int TEXT_ARRAY = 1009;
    static final int BPCHAR_ARRAY = 1014;
    static final int VARCHAR_ARRAY = 1015;
    static final int INT8_ARRAY = 1016;
    static final int FLOAT4_ARRAY = 1021;
    static final int FLOAT8_ARRAY = 1022;
    static final int UUID_ARRAY = 2951;
    /** Types made by users (enums, domains, composites) have OIDs from here on. */
    static final int FIRST_USER_OID = 16384;

    private PgTypes() {
    }

    /**
     * Whether a column of type {@code oid} can be read into a component of {@code kind} (and, for a list,
     * {@code elementKind}); {@code userEnum} says a user type is an enum, as far as the caller knows.
     */
    public static boolean accepts(ColumnKind kind, ColumnKind elementKind, int oid, boolean userEnum) {
        return switch (kind) {
            case BOOLEAN -> oid == BOOL;
            case INT -> oid == INT2 || oid == INT4 || oid == INT8 || oid == NUMERIC || oid == OID;
            case LONG -> oid == INT2 || oid == INT4 || oid == INT8 || oid == NUMERIC || oid == OID;
            case FLOAT, DOUBLE -> oid == FLOAT4 || oid == FLOAT8 || oid == INT2 || oid == INT4 || oid == INT8;
            case STRING -> isText(oid) || oid == JSON || oid == JSONB || oid == UUID || oid == XML || oid == TIME
                    || oid == TIMETZ || oid == INTERVAL || oid == TIMESTAMPTZ || userEnum;
            case ENUM -> isText(oid) || userEnum;
            case INSTANT -> oid == TIMESTAMPTZ;
            case LOCAL_DATE -> oid == DATE;
            case LOCAL_DATE_TIME -> oid == TIMESTAMP;
            case DECIMAL -> oid == NUMERIC || oid == INT2 || oid == INT4 || oid == INT8;
            case UUID -> oid == UUID;
            case BYTES -> oid == BYTEA;
            case LIST -> elementKind != null && acceptsArray(elementKind, oid);
        };
    }

    private static boolean acceptsArray(ColumnKind elementKind, int oid) {
        return switch (elementKind) {
            case BOOLEAN -> oid == BOOL_ARRAY;
            case INT -> oid == INT2_ARRAY || oid == INT4_ARRAY;
            case LONG -> oid == INT2_ARRAY || oid == INT4_ARRAY || oid == INT8_ARRAY;
            case FLOAT, DOUBLE -> oid == FLOAT4_ARRAY || oid == FLOAT8_ARRAY;
            case STRING -> oid == TEXT_ARRAY || oid == VARCHAR_ARRAY || oid == BPCHAR_ARRAY;
            case UUID -> oid == UUID_ARRAY;
            default -> false;
        };
    }

    private static boolean isText(int oid) {
        return oid == TEXT || oid == VARCHAR || oid == BPCHAR || oid == NAME || oid == CHAR;
    }

    /** What a component of {@code kind} is read from, for the error naming a column it cannot take. */
    public static String expected(ColumnKind kind) {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case INT -> "smallint or integer (or a whole bigint, numeric)";
            case LONG -> "smallint, integer, bigint (or a whole numeric)";
            case FLOAT, DOUBLE -> "real, double precision or an integer type";
            case STRING -> "text, varchar, char, json, jsonb, uuid, an enum type, or a time type as text";
            case ENUM -> "an enum type or text";
            case INSTANT -> "timestamptz";
            case LOCAL_DATE -> "date";
            case LOCAL_DATE_TIME -> "timestamp (without time zone)";
            case DECIMAL -> "numeric or an integer type";
            case UUID -> "uuid";
            case BYTES -> "bytea";
            case LIST -> "an array of the element type";
        };
    }
}
