package dev.stele.maven.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A module's events as the catalogue shows them, read from the files a build leaves under {@code META-INF/stele/}
 * ({@link CatalogReader}): plain values, sorted, so the same build always gives the same text.
 *
 * @param module what the catalogue is of, such as {@code com.acme:orders-events}
 * @param moduleVersion the version being built: a version whose schema history starts there is new in this build
 * @param hasHistory whether the build has a schema history (written by {@code stele:check}); without one no
 *     version can say which release introduced it
 * @param events sorted by name
 */
public record EventCatalog(String module, String moduleVersion, boolean hasHistory, List<Event> events) {

    public EventCatalog {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(moduleVersion, "moduleVersion");
        events = List.copyOf(events);
    }

    /** The number of event versions, over every event. */
    public int versionCount() {
        return events.stream().mapToInt(event -> event.versions().size()).sum();
    }

    /**
     * One event and its versions.
     *
     * @param versions oldest first
     * @param handlers the module's aggregates, then its projections, that handle it
     */
    public record Event(String name, List<Version> versions, List<Handler> handlers) {

        public Event {
            Objects.requireNonNull(name, "name");
            versions = List.copyOf(versions);
            handlers = List.copyOf(handlers);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException(name + " has no versions");
            }
        }

        public Version latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /**
     * One version of an event.
     *
     * @param javaType the qualified name of its record
     * @param fingerprint its schema's fingerprint, 16 hex digits
     * @param upcast the {@code @Upcast} that turns it into a later version, if it has one
     * @param releases the releases whose schema history holds a schema of this version, oldest first; the first
     *     introduced it
     * @param tables the {@code @FromTable} tables the record is read from, sorted
     */
    public record Version(int version, String javaType, String fingerprint, List<Field> fields,
            Optional<Upcast> upcast, List<String> releases, List<String> tables) {

        public Version {
            Objects.requireNonNull(javaType, "javaType");
            fields = List.copyOf(fields);
            Objects.requireNonNull(upcast, "upcast");
            releases = List.copyOf(releases);
            tables = List.copyOf(tables);
        }
    }

    /**
     * An aggregate or a projection of the module that handles an event.
     *
     * @param kind {@code aggregate} or {@code projection}
     * @param name the aggregate's category or the projection's name
     * @param javaType the aggregate's state record or the projection's class
     * @param version the projection's version, 1 unless raised; 1 for an aggregate
     */
    public record Handler(String kind, String name, String javaType, int version) {

        /** An aggregate, or a projection of version 1. */
        public Handler(String kind, String name, String javaType) {
            this(kind, name, javaType, 1);
        }
    }

    /**
     * An {@code @Upcast} step.
     *
     * @param method as {@code OrderPlacedV1.up}
     */
    public record Upcast(int toVersion, String method) {
    }

    /**
     * One field of an event version's schema.
     *
     * @param type the Avro type, logical types named, such as {@code timestamp-nanos (Instant)}
     * @param optional whether the field may be absent ({@code Optional} or nullable: a union with null)
     * @param defaultValue the default as JSON, if it has one
     * @param aliases earlier names it is still read by
     */
    public record Field(String name, String type, boolean optional, Optional<String> defaultValue,
            List<String> aliases) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            aliases = List.copyOf(aliases);
        }
    }
}
