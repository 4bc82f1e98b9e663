package dev.stele.catalog.internal;

import dev.stele.catalog.CatalogException;
import dev.stele.catalog.EventCatalog;
import dev.stele.spi.EventType;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every event version of every catalog, indexed by Java type, by name and version, and by fingerprint. */
public final class Registry {

    private final Map<Class<?>, RegisteredEvent<?>> byType;
    private final Map<String, TreeMap<Integer, RegisteredEvent<?>>> byName;
    private final FingerprintIndex byFingerprint;
    /** {@link #byName} as arrays indexed by version, for the lookup every decode makes. */
    private final Map<String, RegisteredEvent<?>[]> versions;

    private Registry(Map<Class<?>, RegisteredEvent<?>> byType,
            Map<String, TreeMap<Integer, RegisteredEvent<?>>> byName, Map<Long, RegisteredEvent<?>> byFingerprint) {
        this.byType = byType;
        this.byName = byName;
        this.byFingerprint = new FingerprintIndex(byFingerprint);
        Map<String, RegisteredEvent<?>[]> arrays = new HashMap<>();
        byName.forEach((name, known) -> {
            RegisteredEvent<?>[] array = new RegisteredEvent<?>[known.lastKey() + 1];
            known.forEach((version, registered) -> array[version] = registered);
            arrays.put(name, array);
        });
        this.versions = Map.copyOf(arrays);
    }

    /**
     * Registers every type of {@code catalogs}; two different classes claiming one
     * {@code (name, version)}, or one fingerprint, is a {@link CatalogException}.
     */
    public static Registry of(List<EventCatalog> catalogs) {
        Map<Class<?>, RegisteredEvent<?>> byType = new HashMap<>();
        Map<String, TreeMap<Integer, RegisteredEvent<?>>> byName = new HashMap<>();
        Map<Long, RegisteredEvent<?>> byFingerprint = new HashMap<>();
        for (EventCatalog catalog : catalogs) {
            for (EventType<?> type : catalog.eventTypes()) {
                RegisteredEvent<?> known = byName.computeIfAbsent(type.name(), name -> new TreeMap<>()).get(type.version());
                if (known != null) {
                    if (known.type().javaType() == type.javaType()) {
                        continue;
                    }
                    throw new CatalogException(type.name() + " v" + type.version() + " is registered twice, by "
                            + known.type().javaType().getName() + " and by " + type.javaType().getName()
                            + "; each (name, version) must belong to one record");
                }
                RegisteredEvent<?> registered = new RegisteredEvent<>(type);
                byName.get(type.name()).put(type.version(), registered);
                byType.put(type.javaType(), registered);
                RegisteredEvent<?> sameSchema = byFingerprint.putIfAbsent(type.schemaFingerprint(), registered);
                if (sameSchema != null) {
                    throw new CatalogException(type + " and " + sameSchema.type() + " have the same schema fingerprint "
                            + String.format("%016x", type.schemaFingerprint()));
                }
            }
        }
        for (TreeMap<Integer, RegisteredEvent<?>> versions : byName.values()) {
            RegisteredEvent<?> latest = versions.lastEntry().getValue();
            for (RegisteredEvent<?> registered : versions.values()) {
                int target = registered.type().upcastTarget();
                registered.link(target == 0 ? null : versions.get(target), latest);
            }
        }
        return new Registry(Map.copyOf(byType), Map.copyOf(byName), byFingerprint);
    }

    public RegisteredEvent<?> byType(Class<?> type) {
        return byType.get(type);
    }

    public RegisteredEvent<?> find(String name, int version) {
        RegisteredEvent<?>[] known = versions.get(name);
        return known == null || version < 0 || version >= known.length ? null : known[version];
    }

    /** The latest registered version of {@code name}, or null if no version of it is known. */
    public RegisteredEvent<?> latest(String name) {
        RegisteredEvent<?>[] known = versions.get(name);
        return known == null ? null : known[known.length - 1];
    }

    public RegisteredEvent<?> byFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** What the registry knows of {@code name}, for error messages. */
    public String describeVersions(String name) {
        TreeMap<Integer, RegisteredEvent<?>> versions = byName.get(name);
        if (versions == null) {
            return "no version of " + name + " is known" + (byName.isEmpty() ? " (no catalog is on the class path)" : "");
        }
        return "known versions of " + name + ": "
                + versions.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Every registered version, sorted by name and version. */
    public List<EventType<?>> types() {
        return byName.values().stream()
                .flatMap(versions -> versions.values().stream())
                .map(RegisteredEvent::type)
                .sorted((a, b) -> a.name().equals(b.name()) ? Integer.compare(a.version(), b.version())
                        : a.name().compareTo(b.name()))
                .collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList));
    }
}
