package dev.stele.processor.parse;

import dev.stele.processor.model.EventDeclaration;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a type is an {@code @Event} type, and which name and version it declares: the one place that
 * reads {@code @Event} and gives the name its default, the simple class name.
 */
public final class EventDeclarations {

    private final Mirrors mirrors;

    public EventDeclarations(Mirrors mirrors) {
        this.mirrors = mirrors;
    }

    /** The declaration of {@code type} if it is annotated {@code @Event}, whatever kind of type it is. */
    public Optional<EventDeclaration> of(TypeElement type) {
        return Mirrors.find(type, AnnotationNames.EVENT).map(annotation -> declaration(type, annotation));
    }

    /** The declaration of the class or record {@code type} names, if it is annotated {@code @Event}. */
    public Optional<EventDeclaration> of(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        return of((TypeElement) ((DeclaredType) type).asElement());
    }

    private EventDeclaration declaration(TypeElement type, AnnotationMirror annotation) {
        String name = mirrors.string(annotation, "name");
        return new EventDeclaration(type, name.isEmpty() ? type.getSimpleName().toString() : name,
                mirrors.integer(annotation, "version"), annotation);
    }
}
