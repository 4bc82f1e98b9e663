package dev.stele.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A type annotated {@code @Event} as its annotation declares it, before its components are parsed: what
 * an {@code @Upcast} or an {@code @Apply} refers to.
 *
 * @param name the event name, the simple class name unless the annotation gives one
 * @param annotation the {@code @Event} mirror, for diagnostics
 */
public record EventDeclaration(TypeElement element, String name, int version, AnnotationMirror annotation) {

    /** {@code OrderPaid v2}, as diagnostics name it. */
    public String label() {
        return name + " v" + version;
    }

    public String simpleName() {
        return element.getSimpleName().toString();
    }

    public String qualifiedName() {
        return element.getQualifiedName().toString();
    }
}
