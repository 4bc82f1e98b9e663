package dev.stele.processor.validate;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.UpcastStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks what concerns the module's events together: each {@code (name, version)} declared once, and a
 * path of checked {@code @Upcast} steps from every older version to the latest.
 */
public final class EventSetValidator {

    private final Diagnostics diagnostics;

    public EventSetValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param events sorted by name and version
     * @param rejected qualified names of {@code @Event} types already reported as in error: a path through
     *     one of them is not reported again as missing
     */
    public void validate(List<EventModel> events, UpcastSteps steps, Set<String> rejected) {
        Map<String, TreeMap<Integer, EventModel>> byName = new HashMap<>();
        for (EventModel event : events) {
            EventModel known = byName.computeIfAbsent(event.name(), name -> new TreeMap<>())
                    .putIfAbsent(event.version(), event);
            if (known != null) {
                diagnostics.error(Message.EVENT_DUPLICATE, event.element(), event.annotation(), event.label(),
                        known.record().qualifiedName(), event.record().qualifiedName());
            }
        }
        for (TreeMap<Integer, EventModel> versions : byName.values()) {
            checkPaths(versions, steps, rejected);
        }
    }

    private void checkPaths(TreeMap<Integer, EventModel> versions, UpcastSteps steps, Set<String> rejected) {
        EventModel latest = versions.lastEntry().getValue();
        Map<String, EventModel> byType = new HashMap<>();
        versions.values().forEach(event -> byType.put(event.record().qualifiedName(), event));
        for (EventModel event : versions.values()) {
            EventModel at = event;
            while (at != latest) {
                UpcastStep step = steps.from(at.element()).orElse(null);
                if (step != null && rejected.contains(step.to().qualifiedName())) {
                    break; // it leads to a version with errors of its own, reported there
                }
                EventModel next = step == null ? null : byType.get(step.to().qualifiedName());
                if (next == null) {
                    diagnostics.error(Message.UPCAST_PATH_MISSING, event.element(), event.annotation(),
                            event.label() + (at == event ? "" : " (its @Upcast chain stops at version " + at.version()
                                    + ")"), latest.version(), at.record().simpleName());
                    break;
                }
                at = next;
            }
        }
    }
}
