package dev.stele.catalog;

import dev.stele.SteleException;
import java.util.Optional;

/**
 * An event the catalog does not know: a {@code (name, version)} no generated catalog registers, or a
 * Java object whose class is not an {@code @Event} record of a module on the class path.
 */
public class UnknownEventException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String eventName;
    private final int version;
    private final String javaType;

    private UnknownEventException(String message, String eventName, int version, String javaType) {
        super(message);
        this.eventName = eventName;
        this.version = version;
        this.javaType = javaType;
    }

    /** No catalog registers {@code (name, version)}; {@code known} lists the versions it has. */
    public static UnknownEventException of(String name, int version, String known) {
        return new UnknownEventException("no event " + name + " v" + version + " is registered; " + known,
                name, version, null);
    }

    /** {@code type} is not an event of any catalog. */
    public static UnknownEventException ofType(Class<?> type) {
        return new UnknownEventException(type.getName() + " is not an @Event record known to the catalog;"
                + " is it annotated @Event and is stele-processor on the compiler's annotationProcessorPaths?",
                null, 0, type.getName());
    }

    /** The event name, when the event was asked for by name. */
    public Optional<String> eventName() {
        return Optional.ofNullable(eventName);
    }

    /** The version asked for, 0 when asked for by Java type. */
    public int version() {
        return version;
    }

    /** The Java class, when the event was asked for by an object. */
    public Optional<String> javaType() {
        return Optional.ofNullable(javaType);
    }
}
