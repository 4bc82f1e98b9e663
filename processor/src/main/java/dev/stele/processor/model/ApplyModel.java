package dev.stele.processor.model;

import com.squareup.javapoet.ClassName;
import javax.lang.model.element.ExecutableElement;

/**
 * An {@code @Apply} method: the event it folds in, by name and record type.
 *
 * @param eventName the {@code @Event} name of the parameter's record
 */
public record ApplyModel(ExecutableElement method, ClassName eventType, String eventName) {

    public String methodName() {
        return method.getSimpleName().toString();
    }
}
