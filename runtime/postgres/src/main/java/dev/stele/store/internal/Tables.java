package dev.stele.store.internal;

import java.util.regex.Pattern;

/** The qualified names of the store's tables, under a schema and a prefix. */
public final class Tables {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public final String schema;
    public final String prefix;
    public final String events;
    public final String streams;
    public final String outbox;
    public final String snapshots;
    public final String checkpoints;
    public final String migrations;
    public final String projections;
    public final String projectionCheckpoints;
    public final String parkedEvents;
    public final String projectionStops;
    public final String relays;
    public final String readModels;

    public Tables(String schema, String prefix) {
        if (!IDENTIFIER.matcher(schema).matches() || !(prefix.isEmpty() || IDENTIFIER.matcher(prefix).matches())) {
            throw new IllegalArgumentException("schema '" + schema + "' and table prefix '" + prefix
                    + "' must be lower-case SQL identifiers: letters, digits and underscores");
        }
        this.schema = schema;
        this.prefix = prefix;
        this.events = name("events");
        this.streams = name("streams");
        this.outbox = name("outbox");
        this.snapshots = name("snapshots");
        this.checkpoints = name("checkpoints");
        this.migrations = name("schema_migrations");
        this.projections = name("projections");
        this.projectionCheckpoints = name("projection_checkpoints");
        this.parkedEvents = name("parked_events");
        this.projectionStops = name("projection_stops");
        this.relays = name("relays");
        this.readModels = name("read_models");
    }

    private String name(String table) {
        return schema + "." + prefix + table;
    }

    /** A constraint or index name, prefixed like the tables. */
    public String local(String name) {
        return prefix + name;
    }
}
