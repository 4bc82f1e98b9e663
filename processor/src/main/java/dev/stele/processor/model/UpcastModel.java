package dev.stele.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Upcast} method whose signature is right: static, callable, from one {@code @Event} record to
 * another. Whether it is a step the codecs may use is for the validator to say ({@link UpcastStep}).
 *
 * @param annotation the {@code @Upcast} mirror, for diagnostics
 * @param from the parameter's event
 * @param to the returned event
 */
public record UpcastModel(ExecutableElement method, AnnotationMirror annotation, EventDeclaration from,
        EventDeclaration to) {

    /** The class declaring the method. */
    public TypeElement owner() {
        return (TypeElement) method.getEnclosingElement();
    }

    /** {@code OrderPlacedV1.toV2}, as diagnostics name it. */
    public String label() {
        return owner().getSimpleName() + "." + method.getSimpleName();
    }
}
