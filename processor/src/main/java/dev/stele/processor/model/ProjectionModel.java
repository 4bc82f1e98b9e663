package dev.stele.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Projection} class: its name, its version and its {@code @Handle} methods in the order they are
 * declared.
 *
 * @param version the read model's version as written, 1 by default; {@code ProjectionValidator} checks it
 * @param annotation the {@code @Projection} mirror, for diagnostics
 */
public record ProjectionModel(TypeElement element, String name, int version, List<HandleModel> handlers,
        AnnotationMirror annotation) {

    public ProjectionModel {
        handlers = List.copyOf(handlers);
    }

    public String qualifiedName() {
        return element.getQualifiedName().toString();
    }

    public String simpleName() {
        return element.getSimpleName().toString();
    }
}
