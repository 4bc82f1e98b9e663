package dev.stele.maven.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The event schemas of one build of a module: the current schema of each event version (from the
 * processor's index) and every schema ever released for it (from the schema history the check wrote
 * into the jar, which includes the current ones).
 */
public final class ModuleSchemas {

    private final Map<EventKey, Schema> current;
    private final Map<EventKey, List<ReleasedSchema>> history;
    private final String release;

    /**
     * @param release the module version these schemas belong to, for labelling the current schemas
     */
    public ModuleSchemas(Map<EventKey, Schema> current, Map<EventKey, List<ReleasedSchema>> history,
            String release) {
        this.release = release;
        this.current = Collections.unmodifiableMap(new TreeMap<>(current));
        this.history = Collections.unmodifiableMap(new TreeMap<>(history));
    }

    public static ModuleSchemas empty() {
        return new ModuleSchemas(Map.of(), Map.of(), "");
    }

    /** The event versions this build has a schema for. */
    public Set<EventKey> currentKeys() {
        return current.keySet();
    }

    /** Every event version that was ever released with this module: current ones and historic ones. */
    public Set<EventKey> releasedKeys() {
        Set<EventKey> keys = new TreeSet<>(current.keySet());
        keys.addAll(history.keySet());
        return keys;
    }

    public Optional<Schema> current(EventKey key) {
        return Optional.ofNullable(current.get(key));
    }

    /** The module version these schemas belong to. */
    public String release() {
        return release;
    }

    /**
     * Every schema released for {@code key}, oldest first, the current one included (labelled with this
     * module's version if the history does not have it yet); distinct by fingerprint.
     */
    public List<ReleasedSchema> history(EventKey key) {
        List<ReleasedSchema> schemas = new ArrayList<>(history.getOrDefault(key, List.of()));
        Schema schema = current.get(key);
        if (schema != null) {
            ReleasedSchema own = new ReleasedSchema(schema, release);
            if (schemas.stream().noneMatch(known -> known.fingerprint() == own.fingerprint())) {
                schemas.add(own);
            }
        }
        return List.copyOf(schemas);
    }

    /** The schema this module shipped last for {@code key}: its current one, else the newest in its history. */
    public Optional<ReleasedSchema> latest(EventKey key) {
        Schema schema = current.get(key);
        if (schema != null) {
            return Optional.of(new ReleasedSchema(schema, release));
        }
        List<ReleasedSchema> schemas = history.getOrDefault(key, List.of());
        return schemas.isEmpty() ? Optional.empty() : Optional.of(schemas.get(schemas.size() - 1));
    }

    public boolean isEmpty() {
        return current.isEmpty() && history.isEmpty();
    }
}
