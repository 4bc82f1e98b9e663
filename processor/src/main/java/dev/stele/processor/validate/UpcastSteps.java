package dev.stele.processor.validate;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.UpcastModel;
import dev.stele.processor.model.UpcastStep;
import dev.stele.processor.parse.Access;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Checks each {@code @Upcast} method as a step between versions and keeps the steps that pass, one per
 * older version: what the codecs register and the event set's validation follows. A step stays within
 * one event name, leads to a later version, can be called from the code generated for the older version,
 * and is the only one from that version.
 */
public final class UpcastSteps {

    private final Diagnostics diagnostics;
    /** By the qualified name of the older version's record. */
    private final Map<String, UpcastStep> byFrom = new LinkedHashMap<>();

    public UpcastSteps(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The step {@code upcast} is, if it is a valid one; else reports why not and returns empty. */
    public Optional<UpcastStep> check(UpcastModel upcast) {
        EventDeclaration from = upcast.from();
        EventDeclaration to = upcast.to();
        if (!from.name().equals(to.name())) {
            diagnostics.error(Message.UPCAST_OTHER_EVENT, upcast.method(), upcast.annotation(), upcast.label(),
                    from.label(), to.label());
            return Optional.empty();
        }
        if (to.version() <= from.version()) {
            diagnostics.error(Message.UPCAST_BACKWARDS, upcast.method(), upcast.annotation(), upcast.label(),
                    from.label(), to.version());
            return Optional.empty();
        }
        String codecPackage = Access.packageOf(from.element());
        if (!Access.isAccessible(upcast.method(), codecPackage)) {
            diagnostics.error(Message.UPCAST_INACCESSIBLE, upcast.method(), upcast.annotation(), upcast.label(),
                    codecPackage, from.simpleName());
            return Optional.empty();
        }
        UpcastStep step = new UpcastStep(upcast);
        UpcastStep known = byFrom.putIfAbsent(from.qualifiedName(), step);
        if (known != null) {
            diagnostics.error(Message.UPCAST_DUPLICATE, upcast.method(), upcast.annotation(), from.simpleName(),
                    known.upcast().label(), upcast.label());
            return Optional.empty();
        }
        return Optional.of(step);
    }

    /** The step from the version {@code event} declares, if there is one. */
    public Optional<UpcastStep> from(TypeElement event) {
        return Optional.ofNullable(byFrom.get(event.getQualifiedName().toString()));
    }
}
