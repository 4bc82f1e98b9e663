package dev.stele.processor.validate;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.UpcastModel;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.Mirrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks what concerns the module's events together: each {@code (name, version)} declared once, at
 * most one {@code @Upcast} per version, and a path of {@code @Upcast} steps from every older version
 * to the latest.
 */
public final class EventSetValidator {

    private final Diagnostics diagnostics;

    public EventSetValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The upcast step from each event version, keyed by the qualified name of the older record.
     *
     * @param rejected qualified names of {@code @Event} types already reported as in error: a path through
     *     one of them is not reported again as missing
     */
    public Map<String, UpcastModel> validate(List<EventModel> events, List<UpcastModel> upcasts,
            Set<String> rejected) {
        Map<String, TreeMap<Integer, EventModel>> byName = new HashMap<>();
        for (EventModel event : events) {
            EventModel known = byName.computeIfAbsent(event.name(), name -> new TreeMap<>())
                    .putIfAbsent(event.version(), event);
            if (known != null) {
                diagnostics.error(Message.EVENT_DUPLICATE, event.element(), event.annotation(), event.label(),
                        known.javaType().canonicalName(), event.javaType().canonicalName());
            }
        }
        Map<String, UpcastModel> steps = new HashMap<>();
        for (UpcastModel upcast : upcasts) {
            String from = upcast.from().getQualifiedName().toString();
            UpcastModel known = steps.putIfAbsent(from, upcast);
            if (known != null) {
                diagnostics.error(Message.UPCAST_DUPLICATE, upcast.method(),
                        Mirrors.find(upcast.method(), AnnotationNames.UPCAST).orElse(null), upcast.from().getSimpleName(),
                        known.owner().simpleName() + "." + known.methodName(),
                        upcast.owner().simpleName() + "." + upcast.methodName());
            }
        }
        for (TreeMap<Integer, EventModel> versions : byName.values()) {
            checkPaths(versions, steps, rejected);
        }
        return steps;
    }

    private void checkPaths(TreeMap<Integer, EventModel> versions, Map<String, UpcastModel> steps,
            Set<String> rejected) {
        EventModel latest = versions.lastEntry().getValue();
        Map<String, EventModel> byType = new HashMap<>();
        versions.values().forEach(event -> byType.put(event.javaType().canonicalName(), event));
        for (EventModel event : new ArrayList<>(versions.values())) {
            EventModel at = event;
            while (at != latest) {
                UpcastModel step = steps.get(at.element().getQualifiedName().toString());
                if (step != null && rejected.contains(step.to().getQualifiedName().toString())) {
                    break; // it leads to a version with errors of its own, reported there
                }
                EventModel next = step == null ? null : byType.get(step.to().getQualifiedName().toString());
                if (next == null) {
                    diagnostics.error(Message.UPCAST_PATH_MISSING, event.element(), event.annotation(),
                            event.label() + (at == event ? "" : " (its @Upcast chain stops at version " + at.version()
                                    + ")"), latest.version(), at.javaType().simpleName());
                    break;
                }
                at = next;
            }
        }
    }
}
