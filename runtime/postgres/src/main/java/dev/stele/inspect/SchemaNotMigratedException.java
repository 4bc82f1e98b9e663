package dev.stele.inspect;

/**
 * The store's tables are missing or older than this inspector reads. The inspector never changes the schema:
 * migrate it as the application does, by creating an {@code EventStore} ({@code EventStore.create}) or starting
 * a runner, which apply the store's migrations.
 */
public class SchemaNotMigratedException extends InspectionException {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final int found;
    private final int required;

    public SchemaNotMigratedException(String operation, String schema, String tablePrefix, int found, int required) {
        super(operation, (found == 0 ? "schema '" + schema + "' has no Stele tables (prefix '" + tablePrefix
                + "')" : "the Stele tables in schema '" + schema + "' (prefix '" + tablePrefix + "') are at migration "
                + found + ", this inspector needs " + required) + "; run the store's migrations first:"
                + " EventStore.create(dataSource, catalog, options) applies them", null);
        this.schema = schema;
        this.found = found;
        this.required = required;
    }

    public String schema() {
        return schema;
    }

    /** The migration the schema is at; 0 when it has none. */
    public int found() {
        return found;
    }

    /** The oldest migration this inspector reads. */
    public int required() {
        return required;
    }
}
