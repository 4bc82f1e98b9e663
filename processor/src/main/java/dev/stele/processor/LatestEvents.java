package dev.stele.processor;

import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.parse.EventDeclarations;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The latest version of each event name the compilation has declared so far, what an {@code @Apply} or a
 * {@code @Handle} method must take. Every step that checks such methods lists {@code @Event} before them
 * and records each event here, so that the events of a round are known before its handlers are checked.
 */
final class LatestEvents {

    private final EventDeclarations declarations;
    private final Map<String, EventDeclaration> latest = new HashMap<>();
    /** The types recorded: each step that checks handlers records every event, the first reads its annotation. */
    private final Set<TypeElement> recorded = new HashSet<>();

    LatestEvents(EventDeclarations declarations) {
        this.declarations = declarations;
    }

    /** Records an {@code @Event} type; recording one again changes nothing. */
    void record(TypeElement event) {
        if (!recorded.add(event)) {
            return;
        }
        declarations.of(event).ifPresent(declaration ->
                latest.merge(declaration.name(), declaration, (a, b) -> a.version() >= b.version() ? a : b));
    }

    /** By event name. */
    Map<String, EventDeclaration> byName() {
        return Collections.unmodifiableMap(latest);
    }
}
