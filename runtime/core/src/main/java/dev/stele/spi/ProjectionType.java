package dev.stele.spi;

import dev.stele.projection.EventContext;
import java.util.Set;

/**
 * What the processor generates for a {@code @Projection} class: its name, the names of the events it
 * handles, and the dispatch of an event to its {@code @Handle} method (a {@code switch} on the name).
 *
 * @param <P> the projection class
 */
public interface ProjectionType<P> {

    /** The projection's name from {@code @Projection(name = …)}. */
    String name();

    /** The read model's version from {@code @Projection(version = …)}; 1 unless raised. */
    default int version() {
        return 1;
    }

    /**
     * What its checkpoints, offsets and parked events are stored under: the name for version 1, {@code name@vN}
     * from version 2 on, so that each version of a read model keeps its own progress.
     */
    default String registration() {
        return registration(name(), version());
    }

    /** The registration of version {@code version} of projection {@code name}. */
    static String registration(String name, int version) {
        return version == 1 ? name : name + "@v" + version;
    }

    Class<P> projectionClass();

    /** The names of the events the projection has a {@code @Handle} for: the only ones it is sent. */
    Set<String> handledEvents();

    /**
     * Calls the projection's {@code @Handle} method for {@code eventName} with {@code event}, the latest
     * version of that event; does nothing for an event it does not handle.
     *
     * @throws Exception whatever the handler throws
     */
    void handle(P projection, String eventName, Object event, EventContext context) throws Exception;
}
