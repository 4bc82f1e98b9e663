package dev.stele.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A checked {@code @Upcast} step, as the validator resolved it: from one version of an event to a later
 * version of the same event, through a method the generated codec can call. The older version's codec
 * registers it; the event set's validation follows the steps to the latest version.
 */
public record UpcastStep(UpcastModel upcast) {

    public EventDeclaration from() {
        return upcast.from();
    }

    public EventDeclaration to() {
        return upcast.to();
    }

    /** The version the step leads to. */
    public int toVersion() {
        return upcast.to().version();
    }

    public TypeElement owner() {
        return upcast.owner();
    }

    public ExecutableElement method() {
        return upcast.method();
    }

    public String methodName() {
        return upcast.method().getSimpleName().toString();
    }
}
