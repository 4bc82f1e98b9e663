package dev.stele.processor.model;

import com.squareup.javapoet.ClassName;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Upcast} method: one step from an older version of an event to a later one.
 *
 * @param owner the class declaring the method
 * @param from the parameter's event record
 * @param to the returned event record
 */
public record UpcastModel(ExecutableElement method, ClassName owner, TypeElement from, TypeElement to) {

    public String methodName() {
        return method.getSimpleName().toString();
    }
}
