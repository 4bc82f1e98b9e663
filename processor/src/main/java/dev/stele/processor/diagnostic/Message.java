package dev.stele.processor.diagnostic;

import java.util.Locale;

/**
 * Every diagnostic the processor reports: a stable id, and a text that says what is wrong and what
 * to do. Arguments are filled in with {@link String#format(Locale, String, Object...)}.
 */
public enum Message {

    EVENT_NOT_RECORD(1, "@Event can only annotate a record, and %s is %s; declare it as a record"),
    EVENT_NAME_INVALID(2, "event name '%s' is not valid: use letters, digits and underscores, starting with a letter"
            + " (it becomes the Avro schema name)"),
    EVENT_VERSION_INVALID(3, "event version %d is not valid: versions start at 1"),
    EVENT_DUPLICATE(4, "%s is declared twice, by %s and by %s; give one of them another version"),
    TYPE_UNSUPPORTED(5, "component '%s' has type %s, which Stele cannot encode. Supported: boolean, int, long, float,"
            + " double and their boxes, String, Instant, LocalDate, LocalDateTime, UUID, BigDecimal with @Decimal,"
            + " byte[], enums, Optional<T>, @Nullable T, List<T>, Set<T>, Map<String, T>, records"),
    DECIMAL_MISSING(6, "component '%s' is a BigDecimal without @Decimal; add @Decimal(precision = ..., scale = ...)"
            + " so its scale is fixed in the schema"),
    DECIMAL_INVALID(7, "@Decimal(precision = %d, scale = %d) is not valid: precision must be at least 1 and scale"
            + " between 0 and the precision"),
    UPCAST_PATH_MISSING(8, "%s has no @Upcast path to version %d, the latest; add a static method annotated @Upcast"
            + " taking %s and returning a later version"),
    UPCAST_SIGNATURE(9, "@Upcast method %s must be static and not private, take exactly one @Event record and return"
            + " a later version of the same event; %s"),
    UPCAST_BACKWARDS(10, "@Upcast method %s goes from %s to version %d; an upcast must lead to a later version"),
    UPCAST_OTHER_EVENT(11, "@Upcast method %s goes from %s to %s; an upcast must stay within one event name"),
    DEFAULT_INVALID(12, "@Default(\"%s\") does not parse as %s: %s"),
    DEFAULT_UNSUPPORTED(13, "@Default is not supported on component '%s' of type %s; make it Optional or @Nullable"
            + " if it may be absent from older data"),
    UPCAST_DUPLICATE(14, "%s has two @Upcast methods, %s and %s; keep one"),
    STREAM_ID_DUPLICATE(15, "components '%s' and '%s' are both marked @StreamId; an event belongs to one stream"),
    ALIAS_INVALID(16, "@Alias(\"%s\") on component '%s' %s"),
    ENUM_DEFAULT_CONFLICT(17, "enum %s is used by fields with different @Default values (%s); Avro keeps one default"
            + " per enum, so give those fields the same @Default or none"),
    RECORD_RECURSIVE(18, "record %s contains itself (through %s); Stele encodes trees of records, not recursive types"),
    NAME_INVALID(19, "%s '%s' is not a valid Avro name: use ASCII letters, digits and underscores, starting with a"
            + " letter or underscore"),
    UPCAST_INACCESSIBLE(20, "@Upcast method %s cannot be called from the code generated in package %s; make it"
            + " public in a public class, or move it next to %s"),
    TYPE_NAME_CLASH(21, "%s uses two different types named %s (%s and %s); Avro names nested types by simple name,"
            + " so rename one"),
    TYPE_GENERIC(22, "%s has type parameters; events and the records in them must be concrete types"),
    TYPE_UNRESOLVED(23, "the type of %s '%s' could not be resolved: %s; if another annotation processor"
            + " generates it, make sure it runs"),
    TYPE_INACCESSIBLE(24, "%s is not accessible from the code generated in package %s; make it public, or at least"
            + " not private"),
    EMPTY_RECORD_ELEMENT(25, "record %s has no components, so it cannot be an element of a collection (each element"
            + " would take no bytes); give it a component"),
    AGGREGATE_NOT_RECORD(26, "@Aggregate can only annotate a record, and %s is a %s; declare the state as a record"),
    AGGREGATE_CATEGORY_INVALID(27, "aggregate category '%s' is not valid: use letters, digits, '_' and '.' (it names"
            + " the aggregate's streams, <category>-<id>)"),
    AGGREGATE_SNAPSHOT_INVALID(28, "snapshotEvery = %d is not valid: 0 for no snapshots, or a positive number of"
            + " events"),
    INITIAL_MISSING(29, "aggregate %s has no @Initial method; add @Initial static %s initial(String id)"),
    INITIAL_SIGNATURE(30, "@Initial method %s must be static and not private, take the stream id (String) and return"
            + " %s; %s"),
    APPLY_SIGNATURE(31, "@Apply method %s must be an instance method of the @Aggregate record, not private, take one"
            + " @Event record and return the next state; %s"),
    APPLY_DUPLICATE(32, "%s has two @Apply methods for %s, %s and %s; keep one"),
    APPLY_OLDER_VERSION(33, "@Apply method %s takes %s, version %d of %s; take %s, version %d: stored older versions"
            + " are upcast before they reach the aggregate"),
    STREAM_ID_TYPE(34, "@StreamId component '%s' %s; a stream id is one value every event of the stream has, written"
            + " as text: use String, UUID, int, long, or a single-component record of one of them"),
    ARRIVED_AFTER_CATALOG(35, "%s was generated in a round after the module's catalog was written, so no catalog"
            + " would register it; have the processor that generates it run earlier, or declare it in a source file"),
    PROJECTION_NOT_CLASS(36, "@Projection can only annotate a class or record the runtime can hold an instance of,"
            + " and %s %s; declare the projection as a class or record that is not abstract and has no type"
            + " parameters"),
    PROJECTION_NAME_INVALID(37, "projection name '%s' is not valid: use 1 to 63 lower-case letters, digits, '-' and"
            + " '_', starting with a letter (the projection's checkpoints are stored under it)"),
    PROJECTION_DUPLICATE(38, "projection '%s' version %d is already declared by %s; give %s another name, or"
            + " another version to rebuild the projection: one class per projection name and version"),
    PROJECTION_WITHOUT_HANDLE(39, "projection %s has no @Handle method, so no event would reach it; add one for each"
            + " event it reads, such as @Handle void on(OrderPlaced event, EventContext context)"),
    HANDLE_SIGNATURE(40, "@Handle method %s must be an instance method, not private, return void and take an @Event"
            + " record, optionally followed by an EventContext; %s"),
    HANDLE_OLDER_VERSION(41, "@Handle method %s takes %s, version %d of %s; take %s, version %d: stored older"
            + " versions are upcast before they reach the projection"),
    HANDLE_DUPLICATE(42, "%s has two @Handle methods for %s, %s and %s; keep one"),
    HANDLE_OUTSIDE_PROJECTION(43, "@Handle method %s is in %s, which is not a @Projection class, so nothing would"
            + " call it; annotate %s with @Projection(name = \"...\"), or move the method into a projection"),
    TABLE_NAME_INVALID(44, "@FromTable table '%s' is not valid: write schema.table, or table for schema public,"
            + " each an unquoted PostgreSQL identifier of 1 to 63 letters, digits, '_' and '$' starting with a letter"
            + " or '_' (compared in lower case, as PostgreSQL folds it)"),
    TABLE_OPERATIONS_EMPTY(45, "@FromTable on %s lists no operations, so no change would ever become one; name at"
            + " least one, such as operations = {Operation.INSERT, Operation.SNAPSHOT}"),
    TABLE_OPERATION_DUPLICATE(46, "%s of table %s is already mapped to %s; a change becomes one record: remove %s"
            + " from the operations of %s or of %s"),
    COLUMN_TYPE_UNSUPPORTED(47, "component '%s' has type %s, which a column cannot carry into a @FromTable record."
            + " Supported: boolean, int, long, float, double and their boxes, String, Instant, LocalDate,"
            + " LocalDateTime, BigDecimal with @Decimal, UUID, byte[], enums, List<T> of Boolean, Integer, Long,"
            + " Float, Double, String or UUID, Optional<T> and @Nullable T of those, and single-component records of"
            + " a supported scalar; read the column as one of them"),
    COLUMN_OUTSIDE_FROM_TABLE(48, "@Column on component '%s' has no effect: %s is not a @FromTable record; annotate"
            + " it with @FromTable(table = \"...\", operations = ...), or remove @Column"),
    COLUMN_NAME_INVALID(49, "column name '%s' of component '%s' is not valid: use an unquoted PostgreSQL identifier"
            + " of 1 to 63 letters, digits, '_' and '$' starting with a letter or '_'%s"),
    COLUMN_APPROXIMATE_NOT_DECIMAL(50, "@Column(approximate = true) on component '%s' of type %s has no effect: only"
            + " a BigDecimal reads a column Debezium sends as a double; remove approximate = true"),
    FROM_TABLE_OLDER_VERSION(51, "@FromTable is on %s, version %d of %s, but the latest version is %s, version %d;"
            + " move @FromTable to %s: a change becomes the record the application uses"),
    TRUNCATE_WITH_COMPONENTS(52, "%s stands for TRUNCATE but has components (%s); a truncate carries no row: map"
            + " TRUNCATE to a record without components, and the other operations to this one"),
    DELETE_COLUMN_NOT_KEY(53, "component '%s' of %s reads column '%s' on DELETE, but a delete's old row holds only"
            + " the key columns unless the table is REPLICA IDENTITY FULL; make the component Optional or @Nullable,"
            + " or run ALTER TABLE %s REPLICA IDENTITY FULL"),
    FROM_TABLE_NOT_EVENT(54, "@FromTable is on %s, which is not an @Event record; annotate it with @Event: each change"
            + " of the table becomes that event"),
    PROJECTION_VERSION_INVALID(55, "projection version %d is not valid: versions start at 1; leave it out for 1,"
            + " or raise it from the current version to rebuild the projection"),
    INTERNAL_ERROR(900, "internal error in the Stele processor while processing %s: %s; please report it with this"
            + " source");

    private final int number;
    private final String format;

    Message(int number, String format) {
        this.number = number;
        this.format = format;
    }

    /** {@code STELE-012}. */
    public String id() {
        return String.format(Locale.ROOT, "STELE-%03d", number);
    }

    public String format(Object... args) {
        return "[" + id() + "] " + String.format(Locale.ROOT, format, args);
    }
}
