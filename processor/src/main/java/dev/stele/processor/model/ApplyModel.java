package dev.stele.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Apply} method: the event it folds in.
 *
 * @param event the {@code @Event} record the method takes
 */
public record ApplyModel(ExecutableElement method, EventDeclaration event) {

    public String methodName() {
        return method.getSimpleName().toString();
    }

    public String eventName() {
        return event.name();
    }

    public TypeElement eventType() {
        return event.element();
    }
}
