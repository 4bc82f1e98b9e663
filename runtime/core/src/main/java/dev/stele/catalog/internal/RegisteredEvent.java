package dev.stele.catalog.internal;

import dev.stele.catalog.CatalogException;
import dev.stele.catalog.UpcastException;
import dev.stele.spi.EventType;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;

/**
 * One registered event version: its generated type, where its {@code @Upcast} step leads, and its
 * Avro schema, read from the processor's resource the first time data written with another schema
 * of the same version has to be resolved to it.
 */
public final class RegisteredEvent<E> {

    private final EventType<E> type;
    private RegisteredEvent<?> next;
    private RegisteredEvent<?> latest;
    private volatile Schema schema;

    RegisteredEvent(EventType<E> type) {
        this.type = type;
    }

    public EventType<E> type() {
        return type;
    }

    public String name() {
        return type.name();
    }

    public int version() {
        return type.version();
    }

    public boolean isLatest() {
        return latest == this;
    }

    /** Links the upcast chain once every catalog is registered. */
    void link(RegisteredEvent<?> next, RegisteredEvent<?> latest) {
        this.next = next;
        this.latest = latest;
    }

    /** The latest version's value for {@code value}, a value of this version. */
    public Object toLatest(Object value) {
        Object current = value;
        RegisteredEvent<?> at = this;
        while (at != latest) {
            current = at.upcastOnce(current);
            at = at.next;
        }
        return current;
    }

    private Object upcastOnce(Object value) {
        if (next == null) {
            throw new UpcastException(name(), version(), latest.version(),
                    "no @Upcast method leads on from version " + version()
                            + (type.upcastTarget() == 0 ? "" : " (its step names version " + type.upcastTarget()
                                    + ", which no catalog registers)"), null);
        }
        Object result;
        try {
            result = type.upcast(type.javaType().cast(value));
        } catch (RuntimeException e) {
            throw new UpcastException(name(), version(), next.version(), "the @Upcast method threw " + e, e);
        }
        if (!next.type.javaType().isInstance(result)) {
            throw new UpcastException(name(), version(), next.version(), "the @Upcast method returned "
                    + (result == null ? "null" : result.getClass().getName()) + " instead of "
                    + next.type.javaType().getName(), null);
        }
        return result;
    }

    /** The reader schema the processor wrote for this version. */
    public Schema schema() {
        Schema loaded = schema;
        if (loaded == null) {
            loaded = readSchema();
            schema = loaded;
        }
        return loaded;
    }

    private Schema readSchema() {
        String resource = type.schemaResource();
        ClassLoader loader = type.javaType().getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("the schema of " + type + " is missing: no resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new CatalogException("cannot read the schema of " + type + " from " + resource, e);
        }
    }
}
