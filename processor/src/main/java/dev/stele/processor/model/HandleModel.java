package dev.stele.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@code @Handle} method: the event it handles, and whether it also takes the event's context.
 *
 * @param event the {@code @Event} record the method takes first
 * @param takesContext whether a {@code dev.stele.projection.EventContext} follows the event
 */
public record HandleModel(ExecutableElement method, EventDeclaration event, boolean takesContext) {

    public String methodName() {
        return method.getSimpleName().toString();
    }

    public String eventName() {
        return event.name();
    }

    public TypeElement eventType() {
        return event.element();
    }

    /** The event parameter, where a diagnostic about the event it takes points. */
    public VariableElement eventParameter() {
        return method.getParameters().get(0);
    }

    /** {@code on(OrderPlaced)}, as diagnostics name the method. */
    public String label() {
        return methodName() + "(" + event.simpleName() + ")";
    }
}
