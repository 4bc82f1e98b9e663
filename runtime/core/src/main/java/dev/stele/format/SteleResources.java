package dev.stele.format;

/** Where a Stele build puts its files, relative to a class path root (a jar or {@code target/classes}). */
public final class SteleResources {

    /** The module's event index, {@link EventIndex}. */
    public static final String INDEX = "META-INF/stele/index.json";

    /** Every schema released for each event version, {@link SchemaHistory}. */
    public static final String HISTORY = "META-INF/stele/history.json";

    /** The module's {@code @FromTable} tables ({@link TableIndex}), where it has any. */
    public static final String TABLES = "META-INF/stele/tables.json";

    /** The module's {@code @Aggregate}s and the events each applies ({@link HandlerIndex}), where it has any. */
    public static final String AGGREGATES = "META-INF/stele/aggregates.json";

    /** The module's {@code @Projection}s and the events each handles ({@link HandlerIndex}), where it has any. */
    public static final String PROJECTIONS = "META-INF/stele/projections.json";

    private static final String SCHEMAS = "META-INF/stele/schemas/";

    private SteleResources() {
    }

    /** The Avro schema the processor writes for one event version: {@code META-INF/stele/schemas/OrderPaid/v2.avsc}. */
    public static String schema(String eventName, int version) {
        return SCHEMAS + eventName + "/v" + version + ".avsc";
    }

    /** The {@link java.util.ServiceLoader} registration file of {@code service}. */
    public static String serviceFile(Class<?> service) {
        return "META-INF/services/" + service.getName();
    }
}
